import type { Database } from 'better-sqlite3';
import type { EventName, Events } from '../../common/contract.ts';
import type { Indexer } from '../library/indexer.ts';
import type { ReadPool } from '../library/readPool.ts';
import type { FolderSpec } from '../library/sync.ts';
import type { FolderWatcher } from '../library/watch.ts';

/** What handlers work with, wired once by the Electron shell or the serve mode. */
export interface Deps {
  indexDb: Database;
  userDb: Database;
  indexer: Pick<Indexer, 'status' | 'sync' | 'remove'>;
  /** Re-indexes added folders when their files change. */
  watcher: Pick<FolderWatcher, 'add' | 'remove'>;
  /** The bundled content folder, if the app ships one. */
  bundled: FolderSpec | null;
  now: () => Date;
  /** Opens a vetted http(s)/mailto URL outside the app; false where it cannot (serve mode opens a tab itself). */
  openExternal: (url: string) => Promise<boolean>;
  /** The app's library folder, where single files brought in are copied; null where nothing can be written. */
  libraryDir: string | null;
  /** Opens a file (an article's source, checked by main/library/original.ts) with the system's default app; false where it cannot. */
  openPath: (path: string) => Promise<boolean>;
  /** The desktop app's file dialog: the paths picked, or null when cancelled. Absent in serve mode (the page picks). */
  chooseFiles?: (() => Promise<string[] | null>) | undefined;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** The read workers, where the reads (main/library/reads.ts) run; without them they run in-process. */
  reads?: Pick<ReadPool, 'run' | 'isAvailable' | 'running'> | undefined;
}
