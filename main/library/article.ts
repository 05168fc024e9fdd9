import type { Database } from 'better-sqlite3';
import type { Article, BlockHit } from '../../common/contract.ts';
import { posix } from 'node:path';
import { getArticleRow, rowBlocks, type ArticleRow } from './db/articles.ts';
import { sameContent } from './db/copies.ts';
import type { Block } from '../../common/blocks.ts';
import { isMatch } from './db/search.ts';
import { clauseExpr, compileQuery, type CompiledQuery } from './query/compile.ts';
import { correctQuery } from './query/corrections.ts';
import { Matcher } from './query/matcher.ts';
import { parseQuery } from './query/parse.ts';
import { blockText, openingWindow } from '../../common/blocks.ts';
import { fold } from './text/fold.ts';
import { documentId } from './documentId.ts';

/** Characters above which an article's blocks are scanned with the matcher's needle regex first. */
const LONG_ARTICLE = 50_000;

/** Characters of one block a passage spans, for finding where the query's words cluster. */
const PASSAGE = 300;

/**
 * The hit where the query's words cluster most densely: the start of the passage (up to PASSAGE
 * characters of one block) holding the most distinct query words, then the most hits, then the
 * earliest. The reader opens there, and stepping starts there.
 */
export function densestHit(hits: readonly (BlockHit & { word: number })[]): number {
  let best = 0;
  let bestWords = 0;
  let bestHits = 0;
  for (let i = 0; i < hits.length; i++) {
    const words = new Set<number>();
    let n = 0;
    for (let j = i; j < hits.length && hits[j]!.block === hits[i]!.block && hits[j]!.end <= hits[i]!.start + PASSAGE; j++) {
      words.add(hits[j]!.word);
      n++;
    }
    if (words.size > bestWords || (words.size === bestWords && n > bestHits)) {
      best = i;
      bestWords = words.size;
      bestHits = n;
    }
  }
  return best;
}

/** Every hit of a search query in the article's blocks, so the reader can mark and step through them all. */
export function queryHits(db: Database, blocks: readonly Block[], query: string, exact = false): BlockHit[] {
  return queryHitsWithWords(db, blocks, query, exact, null).map(({ block, start, end, term }) => ({ block, start, end, term }));
}

/**
 * Whether the article's text (its body column in the index) may hold a hit: false when the index says
 * none of the words is there. It answers from the index in well under a millisecond, where looking
 * through a long article for words it lacks takes tens (40 ms for 1 MB opened by its title).
 */
function mayHaveHits(db: Database, compiled: CompiledQuery, rowid: number | null, withFragments: boolean): boolean {
  const positive = compiled.clauses.filter((c) => !c.isNegated);
  // A field term (title:…) inside the body filter would ask for two columns at once; look instead.
  if (rowid === null || positive.length === 0 || positive.some((c) => c.terms.some((t) => t.field !== null))) return true;
  return isMatch(db, `body : (${positive.map((c) => clauseExpr(c, withFragments)).join(' OR ')})`, rowid);
}

function queryHitsWithWords(
  db: Database,
  blocks: readonly Block[],
  query: string,
  exact: boolean,
  rowid: number | null,
): (BlockHit & { word: number })[] {
  // The same words the search matched: its corrections included, unless it was searched as typed.
  const typed = compileQuery(db, parseQuery(query));
  const compiled = exact ? typed : (correctQuery(db, typed)?.compiled ?? typed);
  const texts = blocks.map(blockText);
  // In a long article, a native regex pass over each block finds where the words may be; tokenizing
  // every block instead cost half a second for 1 MB, twice when the words were not there.
  const isLong = texts.reduce((n, t) => n + t.length, 0) > LONG_ARTICLE;
  const find = (withFragments: boolean): (BlockHit & { word: number })[] => {
    if (isLong && !mayHaveHits(db, compiled, rowid, withFragments)) return [];
    const matcher = isLong ? new Matcher(compiled, withFragments, 0) : new Matcher(compiled, withFragments);
    const hits: (BlockHit & { word: number })[] = [];
    texts.forEach((text, block) => {
      for (const h of matcher.find(text, 'body')) hits.push({ block, start: h.start, end: h.end, term: hits.length, word: h.term });
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

export function toArticle(row: ArticleRow, blocks: Block[], hits: BlockHit[], bestHit = 0, locations = [row.path]): Article {
  return {
    id: row.id,
    path: row.path,
    folder: row.folder,
    locations,
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
    bestHit,
    blockCount: blocks.length,
    firstBlock: 0,
  };
}

/**
 * The part of an article it opens with (openingWindow): around its best hit, or else around the block
 * it was left at. The rest comes by article.blocks, so the first paint waits for neither the rest's
 * transfer nor its parsing (1.2 MB of JSON for a 1 MB article).
 */
export function openingPart(article: Article, savedBlock: number | null): Article {
  const target = article.hits.length > 0 ? (article.hits[article.bestHit]?.block ?? 0) : (savedBlock ?? 0);
  const { start, end } = openingWindow(article.blocks.length, target);
  return start === 0 && end === article.blocks.length
    ? article
    : { ...article, blocks: article.blocks.slice(start, end), firstBlock: start };
}

/** `exact`: the query was searched as typed ("Search instead for …"), so its hits are too. */
export function getArticle(db: Database, id: string, query?: string, exact = false): Article | null {
  const row = getArticleRow(db, id);
  if (!row) return null;
  const same = sameContent(db, id);
  const blocks = rowBlocks(row);
  // The index answers for the copy that stands for the content (db/copies.ts): copies have no FTS entry.
  const found = query ? queryHitsWithWords(db, blocks, query, exact, same?.first.rowid ?? row.rowid) : [];
  const hits = found.map(({ block, start, end, term }) => ({ block, start, end, term }));
  return toArticle(
    row,
    blocks,
    hits,
    densestHit(found),
    same?.copies.map((c) => c.path),
  );
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
