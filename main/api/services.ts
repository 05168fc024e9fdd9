import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, Events, Result } from '../../common/contract.ts';
import { openIndexDb } from '../library/db/indexDb.ts';
import { countArticles } from '../library/db/articles.ts';
import { addUserFolder } from '../library/db/userFolders.ts';
import { backupIfDue, openUserDb } from '../library/db/userDb.ts';
import { emptyOldTrash, reanchorHighlights } from '../library/highlights.ts';
import { Indexer } from '../library/indexer.ts';
import { followCopies } from '../library/sharedCopies.ts';
import { ReadPool, type ReadContext } from '../library/readPool.ts';
import type { ParserLauncher } from '../library/parser.ts';
import { createLogger } from '../library/log.ts';
import type { SyncReport } from '../library/sync.ts';
import { FolderWatcher } from '../library/watch.ts';
import { folderSpecs, userFolderSpecs } from '../library/folders.ts';
import { isWritableDir, openReadOnlyData } from '../library/readOnlyData.ts';
import { LIBRARY_FOLDER_NAME } from '../library/libraryFiles.ts';
import type { Deps } from './deps.ts';
import { dispatch } from './dispatch.ts';

const log = createLogger('services');

export const BUNDLED_KEY = 'bundled';

export interface ServicesOptions {
  dataDir: string;
  /** The app's own articles (content/), or null. */
  bundledContent: string | null;
  /** Folders to add to the library at start (serve's --content). */
  extraFolders?: string[];
  workerUrl: URL | string;
  nativeBinding?: string | undefined;
  /** Starts the index worker's parser processes where the worker cannot fork them itself (Electron). */
  launchParser?: ParserLauncher | undefined;
  openExternal?: (url: string) => Promise<boolean>;
  /** Opens an article's source file with the system's default app (the desktop app's shell.openPath). */
  openPath?: (path: string) => Promise<boolean>;
  /** The desktop app's file dialog for "Add files…". */
  chooseFiles?: () => Promise<string[] | null>;
  onEvent?: <E extends EventName>(event: E, payload: Events[E]) => void;
  now?: () => Date;
}

export interface Services {
  deps: Deps;
  /** `context`: who asks (a newer search from the same channel cancels the older) and whether they still wait. */
  dispatch: (name: unknown, raw: unknown, context?: ReadContext) => Promise<Result<unknown>>;
  /** Settles when the first sync of every folder has finished. */
  ready: Promise<SyncReport>;
  /** Things the user must be told at start (a restored backup, a rebuilt index). */
  notices: string[];
  close: () => Promise<void>;
}

/** Opens both databases, starts the index worker and syncs every folder: everything a transport needs. */
export function startServices(options: ServicesOptions): Services {
  const now = options.now ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  if (!isWritableDir(options.dataDir)) return startReadOnly(options, now);
  const notices: string[] = [];
  const userPath = join(options.dataDir, 'user.db');
  const user = openUserDb(userPath, { nativeBinding: options.nativeBinding, now });
  if (user.notice) notices.push(user.notice);
  const indexPath = join(options.dataDir, 'index.db');
  const index = openIndexDb(indexPath, { nativeBinding: options.nativeBinding, now });
  if (index.recoveredFrom)
    notices.push(`The search index was damaged and is being rebuilt from your articles; the old file was kept as ${index.recoveredFrom}.`);
  emptyOldTrash(user.db, now());
  const reanchor = () => {
    try {
      // First: highlights of a file that went move to its remaining copy, and are re-anchored there.
      const followed = followCopies(index.db, user.db);
      if (followed.highlights + followed.positions > 0) log.info('reading data followed its document to a copy', followed);
    } catch (err) {
      log.warn('reading data could not follow its document to a copy', { message: (err as Error).message });
    }
    try {
      const moved = reanchorHighlights(index.db, user.db);
      if (moved > 0) log.info('highlights re-anchored after an import', { moved });
    } catch (err) {
      log.warn('highlights could not be re-anchored', { message: (err as Error).message });
    }
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]) => options.onEvent?.(event, payload);
  const indexer = new Indexer({
    dbPath: indexPath,
    workerUrl: options.workerUrl,
    nativeBinding: options.nativeBinding,
    launchParser: options.launchParser,
    onStatus: (s) => emit('index.changed', s),
    onChanged: () => {
      reanchor();
      emit('library.changed', { articles: countArticles(index.db) });
    },
    // The articles of each batch are in the library as soon as they are committed: lists and counts may show them.
    onCommitted: () => emit('library.changed', { articles: countArticles(index.db) }),
  });
  for (const folder of options.extraFolders ?? []) {
    const root = realpathSync(folder);
    addUserFolder(user.db, root, root, now().toISOString());
  }
  const watcher = new FolderWatcher((key) => {
    const folder = folderSpecs(deps.userDb, deps.bundled).find((f) => f.key === key);
    if (folder) void indexer.sync([folder]).catch((err: Error) => log.warn('re-index failed', { key, message: err.message }));
  });
  const bundled = options.bundledContent ? { key: BUNDLED_KEY, root: options.bundledContent, isBundled: true } : null;
  // Its real path is its key, as for every user folder: the data folder's links resolved, the Library folder made on first use.
  const libraryDir = join(realpathSync(options.dataDir), LIBRARY_FOLDER_NAME);
  const reads = new ReadPool({ indexPath, userPath, nativeBinding: options.nativeBinding, bundled, libraryDir });
  const deps: Deps = {
    indexDb: index.db,
    userDb: user.db,
    indexer,
    watcher,
    bundled,
    now,
    openExternal: options.openExternal ?? (async () => false),
    libraryDir,
    openPath: options.openPath ?? (async () => false),
    chooseFiles: options.chooseFiles,
    emit,
    reads,
  };
  const ready = indexer.sync(folderSpecs(deps.userDb, deps.bundled));
  // Highlights checked against an older version of their article (or none, after a migration) are re-found:
  // by onChanged when the first sync changed the library, here when it did not.
  void ready.then(
    (r) => r.added + r.updated + r.removed === 0 && reanchor(),
    () => undefined,
  );
  // Only the user's folders change under us; the bundled articles change only with an update of the app.
  for (const f of userFolderSpecs(deps.userDb)) watcher.add(f.key, f.root);
  ready.then(
    (r) =>
      log.info('library in sync', {
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        removed: r.removed,
        failed: r.failed.length,
      }),
    (err: Error) => log.error('first sync failed', { message: err.message }),
  );
  const backups = setInterval(
    () => {
      try {
        backupIfDue(user.db, userPath, now());
      } catch (err) {
        log.warn('backup failed', { message: (err as Error).message });
      }
    },
    60 * 60 * 1000,
  );
  backups.unref();
  return {
    deps,
    dispatch: (name, raw, context) => dispatch(name, raw, deps, context),
    ready,
    notices,
    async close() {
      clearInterval(backups);
      watcher.close();
      await Promise.all([indexer.close(), reads.close()]);
      index.db.close();
      user.db.close();
    },
  };
}

/** A data folder that cannot be written: read and search what is there, refuse the rest clearly. */
function startReadOnly(options: ServicesOptions, now: () => Date): Services {
  const data = openReadOnlyData(options.dataDir, { nativeBinding: options.nativeBinding });
  log.warn('data folder is read-only', { dataDir: options.dataDir });
  const deps: Deps = {
    indexDb: data.indexDb,
    userDb: data.userDb,
    indexer: data.indexer,
    watcher: { add: () => undefined, remove: () => undefined },
    bundled: options.bundledContent ? { key: BUNDLED_KEY, root: options.bundledContent } : null,
    now,
    openExternal: options.openExternal ?? (async () => false),
    libraryDir: null,
    openPath: options.openPath ?? (async () => false),
    chooseFiles: options.chooseFiles,
    emit: (event, payload) => options.onEvent?.(event, payload),
  };
  return {
    deps,
    dispatch: (name, raw) => dispatch(name, raw, deps),
    ready: Promise.resolve({ added: 0, updated: 0, unchanged: 0, removed: 0, failed: [] }),
    notices: [data.notice],
    close: async () => data.close(),
  };
}
