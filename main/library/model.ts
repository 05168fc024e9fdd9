/** The document model every importer produces and the reader renders. */

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

export type Format = 'txt' | 'markdown' | 'html';

export interface ImportedDocument {
  title: string;
  author: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  source: string | null;
  language: string | null;
  dir: 'ltr' | 'rtl' | null;
  tags: string[];
  format: Format;
  blocks: Block[];
}

/** An imported document once it has a place in a folder. */
export interface Document extends ImportedDocument {
  id: string;
  path: string;
  /** The plain text that is indexed: each block's plain text, blocks separated by a blank line. */
  text: string;
}

export type ImportError = { code: ImportErrorCode; reason: string };
export type ImportErrorCode =
  'binary' | 'empty' | 'too-large' | 'undecodable' | 'unsupported' | 'unreadable' | 'not-a-file' | 'changed' | 'parse';

export type ImportResult = { ok: true; doc: ImportedDocument } | { ok: false; error: ImportError };
