import type { Database } from 'better-sqlite3';
import type { Article, BlockHit } from '../../common/contract.ts';
import { posix } from 'node:path';
import { getArticleRow, rowBlocks, type ArticleRow } from './db/articles.ts';
import type { Block } from '../../common/blocks.ts';
import { compileQuery } from './query/compile.ts';
import { correctQuery } from './query/corrections.ts';
import { Matcher } from './query/matcher.ts';
import { parseQuery } from './query/parse.ts';
import { blockText } from '../../common/blocks.ts';
import { fold } from './text/fold.ts';
import { documentId } from './documentId.ts';

/** Characters above which an article's blocks are scanned with the matcher's needle regex first. */
const LONG_ARTICLE = 50_000;

/** Every hit of a search query in the article's blocks, so the reader can mark and step through them all. */
export function queryHits(db: Database, blocks: readonly Block[], query: string): BlockHit[] {
  // The same words the search matched, its corrections included.
  const typed = compileQuery(db, parseQuery(query));
  const compiled = correctQuery(db, typed)?.compiled ?? typed;
  const texts = blocks.map(blockText);
  // In a long article, a native regex pass over each block finds where the words may be; tokenizing
  // every block instead cost half a second for 1 MB, twice when the words were not there.
  const isLong = texts.reduce((n, t) => n + t.length, 0) > LONG_ARTICLE;
  const find = (withFragments: boolean): BlockHit[] => {
    const matcher = isLong ? new Matcher(compiled, withFragments, 0) : new Matcher(compiled, withFragments);
    const hits: BlockHit[] = [];
    texts.forEach((text, block) => {
      for (const h of matcher.find(text, 'body')) hits.push({ block, start: h.start, end: h.end, term: hits.length });
    });
    return hits;
  };
  // An article found by whole words shows those; one found only through a fragment shows where that is.
  const words = find(false);
  return words.length > 0 ? words : find(true);
}

/** Find in article (Ctrl+F): the literal text, case- and accent-insensitive, anywhere in the blocks. */
export function findInBlocks(blocks: readonly Block[], text: string): BlockHit[] {
  const needle = fold(text.trim());
  if (needle === '') return [];
  const hits: BlockHit[] = [];
  let n = 0;
  blocks.forEach((b, block) => {
    const plain = blockText(b);
    const { folded, map } = foldWithMap(plain);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(needle, from);
      if (at === -1 || hits.length >= 10_000) break;
      hits.push({ block, start: map[at]!, end: map[at + needle.length - 1]! + 1, term: n++ });
      from = at + Math.max(1, needle.length);
    }
  });
  return hits;
}

/** Folds character by character, remembering where each folded unit came from. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  return { folded, map };
}

export function toArticle(row: ArticleRow, blocks: Block[], hits: BlockHit[]): Article {
  return {
    id: row.id,
    path: row.path,
    folder: row.folder,
    title: row.title,
    author: row.author,
    date: row.date,
    source: row.source,
    language: row.language,
    dir: row.dir === 'rtl' || row.dir === 'ltr' ? row.dir : null,
    tags: JSON.parse(row.tags) as string[],
    wordCount: row.word_count,
    blocks,
    hits,
  };
}

export function getArticle(db: Database, id: string, query?: string): Article | null {
  const row = getArticleRow(db, id);
  if (!row) return null;
  const blocks = rowBlocks(row);
  return toArticle(row, blocks, query ? queryHits(db, blocks, query) : []);
}

/** A relative link inside an article that points at another imported article of the same folder. */
export function resolveArticleLink(db: Database, fromId: string, href: string): string | null {
  const from = getArticleRow(db, fromId);
  if (!from || /^[a-z][a-z0-9+.-]*:/iu.test(href) || href.startsWith('#') || href.startsWith('/')) return null;
  let target: string;
  try {
    target = decodeURIComponent(href.split('#')[0]!.split('?')[0]!);
  } catch {
    return null;
  }
  const relpath = posix.normalize(posix.join(posix.dirname(from.relpath), target));
  if (relpath.startsWith('..')) return null;
  const id = documentId(from.folder, relpath);
  return getArticleRow(db, id) ? id : null;
}
