/**
 * The bridge between the renderer and main: every request with its input and output, every event with
 * its payload, and the lists of names. Inputs are inferred from the zod schemas in ./schemas.ts (imported
 * for their types only, so this module has no run-time dependency and the sandboxed preload, the serve
 * transport and the renderer can all import its values).
 */
import type { z } from 'zod';
import type { Block } from './blocks.ts';
import type { Result } from './result.ts';
import type { BlockPoint, RequestSchemas, Settings, TextAnchor } from './schemas.ts';

export type { Block, Inline } from './blocks.ts';
export type { ErrorCode, Result } from './result.ts';
export type { BlockPoint, HighlightExportFormat, LibrarySort, SearchSort, Settings, TextAnchor } from './schemas.ts';
export type { FontFamily, Theme } from './settings.ts';
export type { ArticleFormat } from './formats.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

export type MatchField = 'title' | 'author' | 'body';

export interface SearchResult {
  id: string;
  path: string;
  title: string;
  author: string | null;
  date: string | null;
  score: number;
  snippet: Segment[];
  /** The title with the query's hits marked, like the snippet. */
  title_segments: Segment[];
  /** The typed words this article lacks: empty for a complete match, non-empty for a partial one. */
  missing: string[];
  /**
   * `terms`: the typed words that matched; `words`: the article's own words that matched them (folded);
   * `by_term`: the same per typed word, in query order, each article word with the fields it was found in.
   */
  matched: { fields: MatchField[]; terms: string[]; words: string[]; by_term: TermMatch[] };
  /** In a paged article (a PDF): the page of the snippet's hit; absent elsewhere. */
  page?: number;
}

/** One typed word of a query and the article's words that matched it ("vaccines" ← vaccination). */
export interface TermMatch {
  term: string;
  words: {
    word: string;
    fields: MatchField[];
    /** Found only inside a longer word (an in-word fragment), not as the word, its stem or a prefix. */
    fragment: boolean;
  }[];
}

/** A query word that matched little or nothing, and the word of the library searched beside it. */
export interface Correction {
  from: string;
  to: string;
}

export interface SearchResponse {
  /** Every result: complete and partial matches. */
  total: number;
  /** The corrections applied (empty when none): the UI says "Showing results for …" and offers the query as typed. */
  corrected: Correction[];
  /** The results that hold every word; they come first. */
  complete: number;
  notice: string | null;
  results: SearchResult[];
}

/** A hit in an article: UTF-16 offsets into the plain text of block `block`; `term` groups the marks of one hit. */
export interface BlockHit {
  block: number;
  start: number;
  end: number;
  term: number;
}

/** What an article says about itself (front matter, HTML meta, the first heading): found at import, shown by the reader. */
export interface DocumentMeta {
  title: string;
  author: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  source: string | null;
  language: string | null;
  dir: 'ltr' | 'rtl' | null;
  tags: string[];
  blocks: Block[];
}

export interface Article extends DocumentMeta {
  id: string;
  path: string;
  folder: string;
  /**
   * Every file holding this document, byte for byte (a copy in another folder, or added twice): `path`
   * first, then the others oldest first. One document shows once in lists and search, and its
   * highlights and position are shared; this says where all of it lives.
   */
  locations: string[];
  wordCount: number;
  hits: BlockHit[];
  /** The hit where the query's words cluster most densely (an index into hits): the reader opens there. */
  bestHit: number;
  /** How many blocks the article has. `blocks` holds all of them, or (article.get's `window`) those from `firstBlock` on. */
  blockCount: number;
  firstBlock: number;
  /**
   * Serve mode only: each figure src's capability URL (the loopback server adds them; an <img> cannot
   * carry the session token). The desktop app loads images through its own protocol instead.
   */
  assets?: Record<string, string>;
  /** Serve mode only: the capability URL that downloads the article's source file ("Open original"). */
  originalUrl?: string;
}

/** The rest of a long article's blocks (article.blocks), from block `from` on. */
export interface ArticleBlocks {
  id: string;
  from: number;
  blocks: Block[];
  /** Serve mode only, as in Article. */
  assets?: Record<string, string>;
}

/** An article in the library list: what a row shows, without its text. */
export interface ArticleSummary {
  id: string;
  title: string;
  author: string | null;
  date: string | null;
  source: string | null;
  folder: string;
  /** What the source file is (common/formats.ts; the row shows its label). */
  format: string;
  wordCount: number;
  /** 0–1, how far the reader got; null if never opened. */
  progress: number | null;
}

/** The settings as saved, with the number of the write that made them: a later write has a larger number. */
export interface SavedSettings extends Settings {
  revision: number;
}

export interface Folder {
  key: string;
  root: string;
  isBundled: boolean;
  /** The app's own library folder, where single files brought in are copied. */
  isLibrary: boolean;
  articles: number;
}

/** What bringing files and folders in did (files.add, files.choose, serve mode's upload), one entry per item. */
export interface FilesAdded {
  /** Files copied into the library folder; `isNew` false when the same bytes were there already. */
  files: { name: string; isNew: boolean }[];
  /** Folders added as watched folders (their articles are indexed in the background). */
  folders: string[];
  refused: { name: string; reason: string }[];
}

export interface ImportProblem {
  folder: string;
  path: string;
  reason: string;
}

/** What one finished sync did, for the summary said when an add or a rescan is done. */
export interface SyncSummary {
  added: number;
  updated: number;
  removed: number;
  failed: number;
}

/**
 * What a running sync is doing: listing a folder's files, reading them, writing a batch of articles to
 * the index, or (once every folder is through) adding the new words to the search vocabulary.
 */
export type IndexPhase = 'scanning' | 'reading' | 'saving' | 'finishing';

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'error';
  /** Null when no sync runs. */
  phase: IndexPhase | null;
  /** The folder being synced (null when none is, and while finishing). */
  folder: { root: string; isBundled: boolean } | null;
  /** The folder's files read so far (unchanged ones included), of `total`: while scanning, the files found so far. */
  done: number;
  total: number;
  current: string | null;
  /** How far saving (articles of the batch written) or finishing (new words added) is, or null. */
  step: { done: number; total: number } | null;
  failed: number;
  message: string | null;
  /** The last sync that finished, or null before the first; `finished` counts them. */
  last: SyncSummary | null;
  finished: number;
  /** Syncs asked for and not finished yet, the running one included. */
  pending: number;
}

export interface ReadingPosition extends TextAnchor {
  id: string;
  progress: number;
  updatedAt: string;
}

/**
 * A passage the reader marked, from `start` to `end` (which may be in different blocks), with the text
 * it marks (blocks joined by '\n', see common/blocks.ts textBetween). The quote is what the highlight
 * is: after a re-import it is found again by its quote, and `textChanged` says it no longer is.
 */
export interface Highlight {
  hid: string;
  id: string;
  title: string;
  start: BlockPoint;
  end: BlockPoint;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  textChanged: boolean;
}

/** What each request answers; the inputs come from the schemas. */
interface Outputs {
  'search.query': SearchResponse;
  'article.get': Article;
  'article.blocks': ArticleBlocks;
  'article.find': BlockHit[];
  'article.resolveLink': { id: string } | null;
  'library.list': { total: number; items: ArticleSummary[] };
  'library.continue': ArticleSummary[];
  'library.dismissContinue': { dismissed: boolean };
  'library.restoreContinue': { restored: boolean };
  'folders.list': Folder[];
  'folders.add': Folder;
  'folders.remove': { removed: number };
  'folders.rescan': IndexStatus;
  'import.problems': ImportProblem[];
  'index.status': IndexStatus;
  'position.get': ReadingPosition | null;
  'position.set': ReadingPosition;
  'highlights.list': Highlight[];
  'highlights.add': Highlight;
  'highlights.update': Highlight;
  'highlights.remove': { removed: boolean };
  'highlights.restore': Highlight;
  'highlights.search': Highlight[];
  'highlights.export': { filename: string; text: string };
  'settings.get': SavedSettings;
  'settings.set': SavedSettings;
  'link.open': { opened: boolean };
  'files.add': FilesAdded;
  /** Null when the dialog was cancelled. */
  'files.choose': FilesAdded | null;
  'article.openOriginal': { opened: boolean };
}

export type RequestName = keyof RequestSchemas;

export type Requests = { [K in RequestName]: { in: z.input<RequestSchemas[K]>; out: Outputs[K] } };

export const MENU_COMMANDS = [
  'focus-search',
  'find-in-article',
  'add-folder',
  'add-files',
  'show-problems',
  'back',
  'forward',
  'open-settings',
  'toggle-library',
  'focus-mode',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface Events {
  'index.changed': IndexStatus;
  'library.changed': { articles: number };
  'settings.changed': SavedSettings;
  /** An article was dismissed from the Continue reading shelf, or put back. */
  'shelf.changed': { id: string };
  'menu.command': { command: MenuCommand };
  /** Another program asked for an article (an offprint:// link, a second launch): the reader opens it. */
  'launch.command': { command: 'open-article'; id: string };
}

export type EventName = keyof Events;

export const requestNames = [
  'search.query',
  'article.get',
  'article.blocks',
  'article.find',
  'article.resolveLink',
  'library.list',
  'library.continue',
  'library.dismissContinue',
  'library.restoreContinue',
  'folders.list',
  'folders.add',
  'folders.remove',
  'folders.rescan',
  'import.problems',
  'index.status',
  'position.get',
  'position.set',
  'highlights.list',
  'highlights.add',
  'highlights.update',
  'highlights.remove',
  'highlights.restore',
  'highlights.search',
  'highlights.export',
  'settings.get',
  'settings.set',
  'link.open',
  'files.add',
  'files.choose',
  'article.openOriginal',
] as const satisfies readonly RequestName[];

export const eventNames = [
  'index.changed',
  'library.changed',
  'settings.changed',
  'shelf.changed',
  'menu.command',
  'launch.command',
] as const satisfies readonly EventName[];

/** Fails to compile when a request or an event is missing from its list, or an output from Outputs. */
type Missing = Exclude<RequestName, (typeof requestNames)[number]> | Exclude<RequestName, keyof Outputs>;
export const allRequestsListed: [Missing] extends [never] ? true : Missing = true;
type MissingEvent = Exclude<EventName, (typeof eventNames)[number]>;
export const allEventsListed: [MissingEvent] extends [never] ? true : MissingEvent = true;

/** What the preload exposes as window.offprint. */
export type OffprintBridge = {
  [K in RequestName]: (input: Requests[K]['in']) => Promise<Result<Requests[K]['out']>>;
} & {
  on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
  /**
   * The desktop app only: the paths of files dropped or picked in the page (File objects; Electron's
   * webUtils.getPathForFile in the preload). Main checks every path again. Serve mode has none.
   */
  pathsOf?: (files: readonly unknown[]) => string[];
  /** Serve mode only: sends one file (a Blob) to POST /upload under `name`; main checks it as files.add does. */
  upload?: (file: unknown, name: string) => Promise<Result<FilesAdded>>;
};

export const IPC_REQUEST_CHANNEL = 'offprint:request';
export const IPC_EVENT_CHANNEL = 'offprint:event';
