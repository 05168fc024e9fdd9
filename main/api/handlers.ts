import type { ArticleSummary, RequestName, Requests } from '../../common/contract.ts';
import { findInBlocks, getArticle, resolveArticleLink } from '../library/article.ts';
import { articleExists, getArticleRow, rowBlocks } from '../library/db/articles.ts';
import { removeHighlight, setHighlightNote } from '../library/db/highlights.ts';
import { folderCounts, importProblems, librarySummary, listLibrary, type LibraryRow } from '../library/db/library.ts';
import { getPosition, progressOf, putPosition, recentPositions } from '../library/db/positions.ts';
import { addUserFolder, removeUserFolder } from '../library/db/userFolders.ts';
import { OffprintError } from '../library/errors.ts';
import { folderSpecs, listFolders, resolveFolderPath } from '../library/folders.ts';
import { addHighlight, exportHighlights, listHighlights, requireHighlight, searchHighlights } from '../library/highlights.ts';
import { isOpenableUrl } from '../library/links.ts';
import { searchArticles } from '../library/search.ts';
import { settingsOf, updateSettings } from '../library/settings.ts';
import type { Deps } from './deps.ts';

/**
 * The request table: each handler only wires its request to library functions and the services in
 * Deps (no SQL, no file system, no rules of its own), so what a request does is read in one line.
 */
type Run<K extends RequestName> = (input: Requests[K]['in'], deps: Deps) => Requests[K]['out'] | Promise<Requests[K]['out']>;

const summary = (deps: Deps, r: LibraryRow): ArticleSummary => ({ ...r, progress: progressOf(deps.userDb, r.id) });

function requireArticle(deps: Deps, id: string) {
  const row = getArticleRow(deps.indexDb, id);
  if (!row)
    throw new OffprintError('not-found', `No article with id ${id}; it may have been removed. Search again or pick it from the library.`);
  return row;
}

/** One function per request; the mapped type makes a missing, extra or mistyped handler a compile error. */
export const handlers = {
  'search.query': (input, deps) => searchArticles(deps.indexDb, input.q, input),
  'article.get': (input, deps) => {
    const article = getArticle(deps.indexDb, input.id, input.query, input.exact);
    if (!article) throw new OffprintError('not-found', `No article with id ${input.id}; it may have been removed.`);
    return article;
  },
  'article.find': (input, deps) => findInBlocks(rowBlocks(requireArticle(deps, input.id)), input.text),
  'article.resolveLink': (input, deps) => {
    const id = resolveArticleLink(deps.indexDb, input.id, input.href);
    return id ? { id } : null;
  },
  'library.list': (input, deps) => {
    const { total, rows } = listLibrary(deps.indexDb, input.sort, input.limit, input.offset, input.folder ?? null);
    return { total, items: rows.map((r) => summary(deps, r)) };
  },
  'library.continue': (_input, deps) =>
    recentPositions(deps.userDb, 12)
      .map((p) => librarySummary(deps.indexDb, p.id))
      .filter((r): r is LibraryRow => r !== undefined)
      .map((r) => summary(deps, r)),
  'folders.list': (_input, deps) => listFolders(deps.indexDb, deps.userDb, deps.bundled),
  'folders.add': (input, deps) => {
    const root = resolveFolderPath(input.path);
    addUserFolder(deps.userDb, root, root, deps.now().toISOString());
    void deps.indexer.sync([{ key: root, root }]).catch(() => undefined);
    deps.watcher.add(root, root);
    return { key: root, root, isBundled: false, articles: folderCounts(deps.indexDb).get(root) ?? 0 };
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
  'import.problems': (_input, deps) => importProblems(deps.indexDb),
  'index.status': (_input, deps) => deps.indexer.status(),
  'position.get': (input, deps) => getPosition(deps.userDb, input.id) ?? null,
  'position.set': (input, deps) => {
    if (!articleExists(deps.indexDb, input.id))
      throw new OffprintError('not-found', `No article with id ${input.id}; its position is not kept.`);
    const position = { id: input.id, ...input.anchor, progress: input.progress, updatedAt: deps.now().toISOString() };
    putPosition(deps.userDb, position);
    return position;
  },
  'highlights.list': (input, deps) => listHighlights(deps.userDb, input.id),
  'highlights.add': (input, deps) => addHighlight(deps.indexDb, deps.userDb, input, deps.now()),
  'highlights.update': (input, deps) => {
    requireHighlight(deps.userDb, input.hid);
    setHighlightNote(deps.userDb, input.hid, input.note, deps.now().toISOString());
    return requireHighlight(deps.userDb, input.hid);
  },
  'highlights.remove': (input, deps) => ({ removed: removeHighlight(deps.userDb, input.hid) }),
  'highlights.search': (input, deps) => searchHighlights(deps.userDb, input.q),
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
} satisfies { [K in RequestName]: Run<K> };
