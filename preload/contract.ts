/**
 * The bridge between the renderer and main: every request with its input and output, every event
 * with its payload, and the error codes. Types only, plus the list of names; imports nothing, so
 * main, the preload, the serve transport and the renderer can all depend on it.
 */

export type ErrorCode =
  'bad-request' | 'unknown-request' | 'not-found' | 'forbidden' | 'unavailable' | 'read-only' | 'disk-full' | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; language: string | null; text: string }
  | { type: 'figure'; src: string; alt: string; caption: Inline[] }
  | { type: 'rule' };

export interface Segment {
  text: string;
  hit: boolean;
}

export type SearchSort = 'relevance' | 'date';
export type MatchField = 'title' | 'author' | 'body';

export interface SearchResult {
  id: string;
  path: string;
  title: string;
  author: string | null;
  date: string | null;
  score: number;
  snippet: Segment[];
  matched: { fields: MatchField[]; terms: string[] };
}

export interface SearchResponse {
  total: number;
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

export interface Article {
  id: string;
  path: string;
  folder: string;
  title: string;
  author: string | null;
  date: string | null;
  source: string | null;
  language: string | null;
  dir: 'ltr' | 'rtl' | null;
  tags: string[];
  wordCount: number;
  blocks: Block[];
  hits: BlockHit[];
}

export interface ArticleSummary {
  id: string;
  title: string;
  author: string | null;
  date: string | null;
  source: string | null;
  folder: string;
  wordCount: number;
  /** 0–1, how far the reader got; null if never opened. */
  progress: number | null;
}

export type LibrarySort = 'title' | 'date';

export interface Folder {
  key: string;
  root: string;
  isBundled: boolean;
  articles: number;
}

export interface ImportProblem {
  folder: string;
  path: string;
  reason: string;
}

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'error';
  done: number;
  total: number;
  current: string | null;
  failed: number;
  message: string | null;
}

/** A place in an article that survives reflow and re-import: block, offset in its text, and a quote to re-find it. */
export interface TextAnchor {
  block: number;
  offset: number;
  quote: string;
}

export interface ReadingPosition extends TextAnchor {
  id: string;
  progress: number;
  updatedAt: string;
}

export interface Highlight {
  hid: string;
  id: string;
  title: string;
  block: number;
  start: number;
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export type Theme = 'system' | 'light' | 'sepia' | 'dark';

export interface Settings {
  theme: Theme;
  fontSize: number;
  lineHeight: number;
  fontFamily: 'serif' | 'sans';
  paneWidth: number;
  lastArticle: string | null;
}

export interface Requests {
  'search.query': { in: { q: string; limit?: number; offset?: number; sort?: SearchSort }; out: SearchResponse };
  'article.get': { in: { id: string; query?: string }; out: Article };
  'article.find': { in: { id: string; text: string }; out: BlockHit[] };
  'article.resolveLink': { in: { id: string; href: string }; out: { id: string } | null };
  'library.list': {
    in: { sort: LibrarySort; offset: number; limit: number; folder?: string };
    out: { total: number; items: ArticleSummary[] };
  };
  'library.continue': { in: Record<string, never>; out: ArticleSummary[] };
  'folders.list': { in: Record<string, never>; out: Folder[] };
  'folders.add': { in: { path: string }; out: Folder };
  'folders.remove': { in: { key: string }; out: { removed: number } };
  'folders.rescan': { in: Record<string, never>; out: IndexStatus };
  'import.problems': { in: Record<string, never>; out: ImportProblem[] };
  'index.status': { in: Record<string, never>; out: IndexStatus };
  'position.get': { in: { id: string }; out: ReadingPosition | null };
  'position.set': { in: { id: string; anchor: TextAnchor; progress: number }; out: ReadingPosition };
  'highlights.list': { in: { id?: string }; out: Highlight[] };
  'highlights.add': { in: { id: string; block: number; start: number; end: number; note?: string }; out: Highlight };
  'highlights.update': { in: { hid: string; note: string }; out: Highlight };
  'highlights.remove': { in: { hid: string }; out: { removed: boolean } };
  'highlights.search': { in: { q: string }; out: Highlight[] };
  'highlights.export': { in: { format: 'markdown' | 'json' }; out: { filename: string; text: string } };
  'settings.get': { in: Record<string, never>; out: Settings };
  'settings.set': { in: Partial<Settings>; out: Settings };
  'link.open': { in: { url: string }; out: { opened: boolean } };
}

export interface Events {
  'index.changed': IndexStatus;
  'library.changed': { articles: number };
  'settings.changed': Settings;
  'menu.command': { command: MenuCommand };
}

export type MenuCommand = 'focus-search' | 'find-in-article' | 'add-folder' | 'show-problems' | 'back' | 'forward' | 'open-settings';

export type RequestName = keyof Requests;
export type EventName = keyof Events;

export const requestNames = [
  'search.query',
  'article.get',
  'article.find',
  'article.resolveLink',
  'library.list',
  'library.continue',
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
  'highlights.search',
  'highlights.export',
  'settings.get',
  'settings.set',
  'link.open',
] as const satisfies readonly RequestName[];

export const eventNames = ['index.changed', 'library.changed', 'settings.changed', 'menu.command'] as const satisfies readonly EventName[];

/** Fails to compile when a request is missing from requestNames. */
type Missing = Exclude<RequestName, (typeof requestNames)[number]>;
export const allRequestsListed: Missing extends never ? true : Missing = true;
type MissingEvent = Exclude<EventName, (typeof eventNames)[number]>;
export const allEventsListed: MissingEvent extends never ? true : MissingEvent = true;

/** What the preload exposes as window.offprint. */
export type OffprintBridge = {
  [K in RequestName]: (input: Requests[K]['in']) => Promise<Result<Requests[K]['out']>>;
} & {
  on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
};

export const IPC_REQUEST_CHANNEL = 'offprint:request';
export const IPC_EVENT_CHANNEL = 'offprint:event';
