import type { Document } from '../model.ts';
import { defaultCollation } from '../text/collation.ts';
import { titleKey } from '../text/fold.ts';
import { isPlainParagraphs } from '../text/blocks.ts';
import { indexText } from '../text/fold.ts';

export interface FileStamp {
  folder: string;
  relpath: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The articles row in the column order of writer.ts's statements, ending with folder and relpath. */
export type ArticleRowValues = (string | number | null)[];
/** What the FTS index gets: title, author, body, with spaceless scripts spread into one-character tokens. */
export type FtsValues = [string, string, string];

const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Shapes a document into the values to write; pure, so it runs wherever the parsing runs. */
export function articleRow(doc: Document, stamp: FileStamp): { row: ArticleRowValues; fts: FtsValues } {
  const row: ArticleRowValues = [
    doc.id,
    doc.path,
    stamp.size,
    Math.trunc(stamp.mtimeMs),
    stamp.hash,
    doc.format,
    doc.title,
    titleKey(doc.title),
    defaultCollation().key(doc.title),
    doc.author,
    doc.date,
    doc.source,
    doc.language,
    doc.dir,
    JSON.stringify(doc.tags),
    doc.text,
    isPlainParagraphs(doc.blocks) ? null : JSON.stringify(doc.blocks),
    wordCount(doc.text),
    stamp.folder,
    stamp.relpath,
  ];
  return { row, fts: [indexText(doc.title), indexText(doc.author ?? ''), indexText(doc.text)] };
}
