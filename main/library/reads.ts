import type { Database } from 'better-sqlite3';
import type { RequestName, Requests } from '../../common/contract.ts';
import { findInBlocks, getArticle, openingPart, resolveArticleLink } from './article.ts';
import { getArticleRow, rowBlocks } from './db/articles.ts';
import { importProblems, listLibrary } from './db/library.ts';
import { OffprintError } from './errors.ts';
import { listFolders } from './folders.ts';
import { listHighlights, searchHighlights } from './highlights.ts';
import { continueShelf, positionOf, withProgress } from './positions.ts';
import { searchArticles } from './search.ts';
import type { FolderSpec } from './sync.ts';

/**
 * The requests that only read: searches, articles, library pages. They run in the read workers
 * (readWorker.ts) on read-only connections, off Electron's main thread and serve mode's event loop;
 * main/api/handlers.ts adds the writes and the rest, and runs these too where there is no worker.
 * Like the handlers, each only wires its request to library functions.
 */
/** What the reads need: the two databases (read-only in a worker), the bundled folder and the app's library folder. */
export interface ReadDeps {
  indexDb: Database;
  userDb: Database;
  bundled: FolderSpec | null;
  /** Where single files brought in are copied (libraryFiles.ts), or null where nothing can be written. */
  libraryDir?: string | null;
}

type Read<K extends RequestName> = (input: Requests[K]['in'], deps: ReadDeps) => Requests[K]['out'];

const gone = (id: string) => new OffprintError('not-found', `No article with id ${id}; it may have been removed.`);

export const readHandlers = {
  'search.query': (input, deps) => searchArticles(deps.indexDb, input.q, input),
  'article.get': (input, deps) => {
    const article = getArticle(deps.indexDb, input.id, input.query, input.exact);
    if (!article) throw gone(input.id);
    return input.window ? openingPart(article, positionOf(deps.indexDb, deps.userDb, input.id)?.block ?? null) : article;
  },
  'article.blocks': (input, deps) => {
    const row = getArticleRow(deps.indexDb, input.id);
    if (!row) throw gone(input.id);
    return { id: input.id, from: input.from, blocks: rowBlocks(row).slice(input.from, input.to) };
  },
  'article.find': (input, deps) => {
    const row = getArticleRow(deps.indexDb, input.id);
    if (!row)
      throw new OffprintError(
        'not-found',
        `No article with id ${input.id}; it may have been removed. Search again or pick it from the library.`,
      );
    return findInBlocks(rowBlocks(row), input.text);
  },
  'article.resolveLink': (input, deps) => {
    const id = resolveArticleLink(deps.indexDb, input.id, input.href);
    return id ? { id } : null;
  },
  'library.list': (input, deps) => {
    const { total, rows } = listLibrary(deps.indexDb, input.sort, input.limit, input.offset, input.folder ?? null, input.format ?? null);
    return { total, items: rows.map((r) => withProgress(deps.indexDb, deps.userDb, r)) };
  },
  'library.continue': (_input, deps) => continueShelf(deps.indexDb, deps.userDb, 12),
  'folders.list': (_input, deps) => listFolders(deps.indexDb, deps.userDb, deps.bundled, deps.libraryDir ?? null),
  'import.problems': (_input, deps) => importProblems(deps.indexDb),
  'highlights.list': (input, deps) => listHighlights(deps.indexDb, deps.userDb, input.id),
  'highlights.search': (input, deps) => searchHighlights(deps.indexDb, deps.userDb, input.q),
} satisfies { [K in RequestName]?: Read<K> };

/** The names of the reads: the keys of the table itself, so a read is listed once. */
export type ReadRequestName = keyof typeof readHandlers;

export function isReadRequest(name: RequestName): name is ReadRequestName {
  return Object.hasOwn(readHandlers, name);
}
