import type { RequestName, Requests } from '../../common/contract.ts';
import { restoreHighlight, setHighlightNote, trashHighlight } from '../library/db/highlights.ts';
import { folderCounts } from '../library/db/library.ts';
import { removeUserFolder } from '../library/db/userFolders.ts';
import { addPaths, addWatchedFolder } from '../library/addToLibrary.ts';
import { OffprintError } from '../library/errors.ts';
import { folderSpecs, resolveFolderPath } from '../library/folders.ts';
import { addHighlight, exportHighlights, requireHighlight } from '../library/highlights.ts';
import { isOpenableUrl } from '../library/links.ts';
import { localDay } from '../library/localDay.ts';
import { dismissContinue, positionOf, restoreContinue, savePosition } from '../library/positions.ts';
import { originalPath } from '../library/original.ts';
import { readHandlers } from '../library/reads.ts';
import { settingsOf, updateSettings } from '../library/settings.ts';
import type { Deps } from './deps.ts';

/**
 * The request table: each handler only wires its request to library functions and the services in
 * Deps (no SQL, no file system, no rules of its own), so what a request does is read in one line.
 * The reads are in main/library/reads.ts, which the read workers run too.
 */
type Run<K extends RequestName> = (input: Requests[K]['in'], deps: Deps) => Requests[K]['out'] | Promise<Requests[K]['out']>;

/** One function per request; the mapped type makes a missing, extra or mistyped handler a compile error. */
export const handlers = {
  ...readHandlers,
  'folders.add': (input, deps) => {
    const root = resolveFolderPath(input.path);
    addWatchedFolder(deps, root);
    return { key: root, root, isBundled: false, isLibrary: root === deps.libraryDir, articles: folderCounts(deps.indexDb).get(root) ?? 0 };
  },
  'folders.remove': async (input, deps) => {
    if (input.key === deps.bundled?.key) throw new OffprintError('bad-request', 'The bundled articles cannot be removed.');
    if (!removeUserFolder(deps.userDb, input.key))
      throw new OffprintError('not-found', `No folder ${input.key.slice(0, 500)} in the library.`);
    deps.watcher.remove(input.key);
    return { removed: await deps.indexer.remove(input.key) };
  },
  'folders.rescan': (_input, deps) => {
    void deps.indexer.sync(folderSpecs(deps.userDb, deps.bundled)).catch(() => undefined);
    return { ...deps.indexer.status(), state: 'indexing' };
  },
  'index.status': (_input, deps) => deps.indexer.status(),
  'position.get': (input, deps) => positionOf(deps.indexDb, deps.userDb, input.id),
  'position.set': (input, deps) => {
    const now = deps.now();
    return savePosition(deps.indexDb, deps.userDb, input, now, localDay(now));
  },
  'library.dismissContinue': (input, deps) => {
    const dismissed = dismissContinue(deps.indexDb, deps.userDb, input.id, localDay(deps.now()));
    if (dismissed) deps.emit('shelf.changed', { id: input.id });
    return { dismissed };
  },
  'library.restoreContinue': (input, deps) => {
    const restored = restoreContinue(deps.indexDb, deps.userDb, input.id);
    if (restored) deps.emit('shelf.changed', { id: input.id });
    return { restored };
  },
  'highlights.add': (input, deps) => addHighlight(deps.indexDb, deps.userDb, input, deps.now()),
  'highlights.update': (input, deps) => {
    requireHighlight(deps.userDb, input.hid);
    setHighlightNote(deps.userDb, input.hid, input.note, deps.now().toISOString());
    return requireHighlight(deps.userDb, input.hid);
  },
  'highlights.remove': (input, deps) => ({ removed: trashHighlight(deps.userDb, input.hid, deps.now().toISOString()) }),
  'highlights.restore': (input, deps) => {
    if (!restoreHighlight(deps.userDb, input.hid)) throw new OffprintError('not-found', `No deleted highlight with id ${input.hid}.`);
    return requireHighlight(deps.userDb, input.hid);
  },
  'highlights.export': (input, deps) => exportHighlights(deps.userDb, input.format, deps.now()),
  'settings.get': (_input, deps) => settingsOf(deps.userDb),
  'settings.set': (input, deps) => {
    const settings = updateSettings(deps.userDb, input);
    deps.emit('settings.changed', settings);
    return settings;
  },
  'link.open': async (input, deps) => {
    if (!isOpenableUrl(input.url))
      throw new OffprintError(
        'forbidden',
        `Only http, https and mailto links open outside Offprint; refused “${input.url.slice(0, 200)}”.`,
      );
    return { opened: await deps.openExternal(input.url) };
  },
  'files.add': (input, deps) => addPaths(deps, input.paths),
  'files.choose': async (_input, deps) => {
    if (!deps.chooseFiles)
      throw new OffprintError('unavailable', 'There is no file dialog here; choose the files with the page’s own picker.');
    const paths = await deps.chooseFiles();
    return paths && paths.length > 0 ? addPaths(deps, paths) : null;
  },
  'article.openOriginal': async (input, deps) => ({ opened: await deps.openPath(originalPath(deps.indexDb, input.id)) }),
} satisfies { [K in RequestName]: Run<K> };
