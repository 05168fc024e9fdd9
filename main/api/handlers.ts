import { realpathSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { ArticleSummary, Folder, RequestName, Requests } from '../../preload/contract.ts';
import { findInBlocks, getArticle, resolveArticleLink } from '../library/article.ts';
import { getArticleRow, rowBlocks } from '../library/db/articles.ts';
import { removeHighlight, setHighlightNote } from '../library/db/highlights.ts';
import { getPosition, progressOf, putPosition, recentPositions } from '../library/db/positions.ts';
import { writeSettings } from '../library/db/settings.ts';
import { addUserFolder, removeUserFolder, userFolders } from '../library/db/userFolders.ts';
import { folderCounts, importProblems, librarySummary, listLibrary, type LibraryRow } from '../library/library.ts';
import { searchArticles } from '../library/search.ts';
import type { Deps } from './deps.ts';
import { ApiError } from './errors.ts';
import { addHighlight, exportHighlights, listHighlights, requireHighlight, searchHighlights, settingsOf, toPosition } from './userData.ts';

type Run<K extends RequestName> = (input: Requests[K]['in'], deps: Deps) => Requests[K]['out'] | Promise<Requests[K]['out']>;

const summary = (deps: Deps, r: LibraryRow): ArticleSummary => ({
  id: r.id,
  title: r.title,
  author: r.author,
  date: r.date,
  source: r.source,
  folder: r.folder,
  wordCount: r.word_count,
  progress: progressOf(deps.userDb, r.id),
});

export function userFolderSpecs(deps: Pick<Deps, 'userDb'>): { key: string; root: string }[] {
  return userFolders(deps.userDb).map((f) => ({ key: f.key, root: f.root }));
}

export function allFolderSpecs(deps: Pick<Deps, 'userDb' | 'bundled'>): { key: string; root: string }[] {
  return [...(deps.bundled ? [deps.bundled] : []), ...userFolderSpecs(deps)];
}

function listFolders(deps: Deps): Folder[] {
  const counts = folderCounts(deps.indexDb);
  return allFolderSpecs(deps).map((f) => ({
    key: f.key,
    root: f.root,
    isBundled: f.key === deps.bundled?.key,
    articles: counts.get(f.key) ?? 0,
  }));
}

function requireArticle(deps: Deps, id: string) {
  const row = getArticleRow(deps.indexDb, id);
  if (!row)
    throw new ApiError('not-found', `No article with id ${id}; it may have been removed. Search again or pick it from the library.`);
  return row;
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function isOpenableUrl(raw: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** One function per request; the mapped type makes a missing, extra or mistyped handler a compile error. */
export const handlers = {
  'search.query': (input, deps) => searchArticles(deps.indexDb, input.q, input),
  'article.get': (input, deps) => {
    const article = getArticle(deps.indexDb, input.id, input.query);
    if (!article) throw new ApiError('not-found', `No article with id ${input.id}; it may have been removed.`);
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
  'folders.list': (_input, deps) => listFolders(deps),
  'folders.add': (input, deps) => {
    if (!isAbsolute(input.path))
      throw new ApiError('bad-request', `path: expected an absolute folder path, got “${input.path.slice(0, 200)}”.`);
    let root: string;
    try {
      root = realpathSync(input.path);
      if (!statSync(root).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new ApiError('not-found', `No folder at ${input.path.slice(0, 500)}. Choose an existing folder.`);
    }
    addUserFolder(deps.userDb, root, root, deps.now().toISOString());
    void deps.indexer.sync([{ key: root, root }]).catch(() => undefined);
    deps.watcher.add(root, root);
    return { key: root, root, isBundled: false, articles: folderCounts(deps.indexDb).get(root) ?? 0 };
  },
  'folders.remove': async (input, deps) => {
    if (input.key === deps.bundled?.key) throw new ApiError('bad-request', 'The bundled articles cannot be removed.');
    if (!removeUserFolder(deps.userDb, input.key)) throw new ApiError('not-found', `No folder ${input.key.slice(0, 500)} in the library.`);
    deps.watcher.remove(input.key);
    return { removed: await deps.indexer.remove(input.key) };
  },
  'folders.rescan': (_input, deps) => {
    void deps.indexer.sync(allFolderSpecs(deps)).catch(() => undefined);
    return { ...deps.indexer.status(), state: 'indexing' };
  },
  'import.problems': (_input, deps) => importProblems(deps.indexDb),
  'index.status': (_input, deps) => deps.indexer.status(),
  'position.get': (input, deps) => {
    const p = getPosition(deps.userDb, input.id);
    return p ? toPosition(p) : null;
  },
  'position.set': (input, deps) => {
    const row = { id: input.id, ...input.anchor, progress: input.progress, updated_at: deps.now().toISOString() };
    putPosition(deps.userDb, row);
    return toPosition(row);
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
    writeSettings(deps.userDb, input);
    const settings = settingsOf(deps.userDb);
    deps.emit('settings.changed', settings);
    return settings;
  },
  'link.open': async (input, deps) => {
    if (!isOpenableUrl(input.url))
      throw new ApiError('forbidden', `Only http, https and mailto links open outside Offprint; refused “${input.url.slice(0, 200)}”.`);
    return { opened: await deps.openExternal(input.url) };
  },
} satisfies { [K in RequestName]: Run<K> };
