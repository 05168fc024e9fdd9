/** What an importer produces: the document model (common/blocks.ts) with the metadata found beside it. */
import type { DocumentMeta } from '../../common/contract.ts';

export type Format = 'txt' | 'markdown' | 'html' | 'epub' | 'mhtml' | 'pdf';

export interface ImportedDocument extends DocumentMeta {
  format: Format;
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
  | 'binary'
  | 'empty'
  | 'too-large'
  | 'undecodable'
  | 'unsupported'
  | 'unreadable'
  | 'not-a-file'
  | 'changed'
  | 'parse'
  | 'symlink'
  | 'unsafe'
  | 'encrypted'
  | 'no-text-layer'
  | 'too-slow';

export type ImportResult = { ok: true; doc: ImportedDocument } | { ok: false; error: ImportError };
