import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnwiki } from '../corpus/enwiki.ts';

/**
 * The 1 MB article for the "open" timing: English Wikipedia articles (shared/corpus/enwiki-sample,
 * CC BY-SA 3.0, Wikipedia contributors) in file order, paragraph by paragraph until the body holds
 * 1 MiB (1,048,576 bytes) of UTF-8, so the last one is cut at a paragraph end. Real text only. Its
 * title is made of real words that occur nowhere in that body, so searching for it finds this
 * article and the title holds its only hits.
 */
export const ARTICLE_TITLE = 'Encyclopedic Miscellany Kaleidoscope';
export const ARTICLE_BODY_BYTES = 1_048_576;
/** Bump when the article's layout changes, so a stale copy is rebuilt. */
const FORMAT = 2;
/** Enough for 1 MiB at ~17 KB per article, with room to spare. */
const SOURCE_DOCS = 200;

export interface BuiltArticle {
  /** The folder to pass to serve's --content: it holds only the article. */
  dir: string;
  file: string;
  title: string;
  body_bytes: number;
  file_bytes: number;
  paragraphs: number;
  /** The Wikipedia articles it is made of, in order. */
  sources: string[];
  reused: boolean;
}

/**
 * Offprint's .txt format (main/library/import/txt.ts): the title line, a date line, a "By …" line, a
 * blank line, then paragraphs separated by blank lines. Each source article contributes its title as
 * a paragraph of its own, then one paragraph per line of its text (WikiExtractor puts one paragraph,
 * or a section heading, on each line).
 */
export function ensureArticle(root: string, enwikiPath: string): BuiltArticle {
  const dir = join(root, 'content');
  const file = join(dir, 'encyclopedic-miscellany-kaleidoscope.txt');
  const markerPath = join(root, 'article.json');
  if (existsSync(markerPath) && existsSync(file)) {
    const m = JSON.parse(readFileSync(markerPath, 'utf8')) as Omit<BuiltArticle, 'reused'> & { format: number };
    if (m.format === FORMAT && m.title === ARTICLE_TITLE)
      return {
        dir,
        file,
        title: m.title,
        body_bytes: m.body_bytes,
        file_bytes: m.file_bytes,
        paragraphs: m.paragraphs,
        sources: m.sources,
        reused: true,
      };
  }
  const paragraphs: string[] = [];
  const sources: string[] = [];
  let bytes = 0;
  const sep = Buffer.byteLength('\n\n');
  const add = (p: string) => {
    bytes += (paragraphs.length > 0 ? sep : 0) + Buffer.byteLength(p);
    paragraphs.push(p);
  };
  // Whole paragraphs until the body reaches 1 MiB: it ends up at most one paragraph over.
  for (const doc of loadEnwiki(enwikiPath, SOURCE_DOCS)) {
    if (bytes >= ARTICLE_BODY_BYTES) break;
    sources.push(doc.title);
    add(doc.title);
    for (const line of doc.body.split('\n')) {
      const p = line.trim();
      if (p !== '') add(p);
      if (bytes >= ARTICLE_BODY_BYTES) break;
    }
  }
  if (bytes < ARTICLE_BODY_BYTES) throw new Error(`the first ${SOURCE_DOCS} enwiki articles hold only ${bytes} bytes`);
  const body = paragraphs.join('\n\n');
  const bodyLower = body.toLowerCase();
  for (const w of ARTICLE_TITLE.toLowerCase().split(' ')) {
    if (bodyLower.includes(w)) throw new Error(`the title word “${w}” occurs in the body; pick another title`);
  }
  const text = `${ARTICLE_TITLE}\nNovember 25, 2015\nBy Wikipedia contributors\n\n${body}\n`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  const built = {
    dir,
    file,
    title: ARTICLE_TITLE,
    body_bytes: Buffer.byteLength(body),
    file_bytes: Buffer.byteLength(text),
    paragraphs: paragraphs.length,
    sources,
  };
  writeFileSync(markerPath, `${JSON.stringify({ format: FORMAT, ...built }, null, 1)}\n`);
  return { ...built, reused: false };
}
