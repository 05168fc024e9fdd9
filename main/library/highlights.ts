import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { blockText, comparePoints, textBetween } from '../../common/blocks.ts';
import type { BlockPoint, Highlight, HighlightExportFormat } from '../../common/contract.ts';
import { articleExists, articleHash, getArticleRow, rowBlocks, type ArticleRow } from './db/articles.ts';
import { sameContent } from './db/copies.ts';
import { untilChanged } from './db/changes.ts';
import {
  allHighlights,
  getHighlight,
  highlightedArticles,
  highlightsFor,
  insertHighlight,
  placeHighlight,
  purgeTrash,
  type StoredHighlight,
} from './db/highlights.ts';
import { TOKENIZER_VERSION } from './db/tokenizerVersion.ts';
import { OffprintError } from './errors.ts';
import { anchorer, type Anchored } from './highlightAnchors.ts';
import { librarySummary } from './db/library.ts';
import { assemble, compileQuery } from './query/compile.ts';
import { Matcher, type TextField } from './query/matcher.ts';
import { parseQuery } from './query/parse.ts';

/** Highlights and notes: kept in user.db, quoting the words of the article (in index.db) they mark. */

/** The longest passage one highlight may mark, in UTF-16 units: a chapter, not a whole book. */
export const MAX_QUOTE_LENGTH = 100_000;

/**
 * Which version of an article a highlight's points were checked against: its file's content, and how
 * files are turned into blocks (a new parser may cut the same file into other blocks).
 */
const articleVersion = (hash: string) => `${TOKENIZER_VERSION}:${hash}`;

/** The content hash in an article version; null for a highlight never checked (migrations/user/002). */
export const hashOfVersion = (version: string): string | null => {
  const at = version.indexOf(':');
  return at === -1 || at === version.length - 1 ? null : version.slice(at + 1);
};

const textsOf = (row: ArticleRow) => rowBlocks(row).map(blockText);

const toWire = ({ anchoredTo: _, ...h }: StoredHighlight): Highlight => h;

export function addHighlight(
  indexDb: Database,
  userDb: Database,
  input: { id: string; start: BlockPoint; end: BlockPoint; note?: string | undefined },
  now: Date,
): Highlight {
  const row = getArticleRow(indexDb, input.id);
  if (!row) throw new OffprintError('not-found', `No article with id ${input.id}.`);
  const texts = textsOf(row);
  const quote = comparePoints(input.start, input.end) < 0 ? textBetween(texts, input.start, input.end) : null;
  if (quote === null) {
    throw new OffprintError(
      'bad-request',
      `start/end: expected two points in the article's ${texts.length} blocks, the start before the end; got ${input.start.block}:${input.start.offset} to ${input.end.block}:${input.end.offset}.`,
    );
  }
  if (quote.trim() === '') throw new OffprintError('bad-request', 'start/end: the passage is only white space.');
  if (quote.length > MAX_QUOTE_LENGTH) {
    throw new OffprintError(
      'bad-request',
      `start/end: a highlight marks at most ${MAX_QUOTE_LENGTH} characters; this one has ${quote.length}.`,
    );
  }
  const at = now.toISOString();
  const h: StoredHighlight = {
    hid: randomUUID(),
    id: input.id,
    title: row.title,
    start: input.start,
    end: input.end,
    quote,
    note: input.note ?? '',
    createdAt: at,
    updatedAt: at,
    textChanged: false,
    anchoredTo: articleVersion(row.hash),
  };
  insertHighlight(userDb, h);
  return toWire(h);
}

/**
 * Those of an article's highlights that were checked against another version of it, each with where it
 * is in the article now; null when there are none, or the article is not in the index (its highlights
 * wait, as they are, for it to come back).
 */
function restale(
  indexDb: Database,
  id: string,
  stored: readonly StoredHighlight[],
): { version: string; moved: (StoredHighlight & Anchored)[] } | null {
  const hash = stored.length > 0 ? articleHash(indexDb, id) : undefined;
  if (hash === undefined) return null;
  const version = articleVersion(hash);
  const stale = stored.filter((h) => h.anchoredTo !== version);
  const row = stale.length > 0 ? getArticleRow(indexDb, id) : undefined;
  if (!row) return null;
  const place = anchorer(textsOf(row));
  return { version, moved: stale.map((h) => ({ ...h, ...place(h) })) };
}

/**
 * One article's highlights where they are in the article as it is now (re-found by their quotes when
 * it changed since they were last checked), or every highlight as last checked (reanchorHighlights).
 * Only reads: it runs in the read workers.
 */
export function listHighlights(indexDb: Database, userDb: Database, id?: string): Highlight[] {
  if (!id) return allHighlights(userDb).filter(isInLibrary(indexDb)).map(toWire);
  // A highlight stays under the id of the copy it was made in (so an edited copy keeps its own), and
  // shows in every copy of the same file: they have the same text, so it anchors in any of them.
  const ids = sameContent(indexDb, id)?.copies.map((c) => c.id) ?? [id];
  const stored =
    ids.length === 1
      ? highlightsFor(userDb, id)
      : ids.flatMap((copy) => highlightsFor(userDb, copy)).sort((a, b) => comparePoints(a.start, b.start));
  const now = new Map(restale(indexDb, id, stored)?.moved.map((h) => [h.hid, h]));
  return stored.map((h) => toWire(now.get(h.hid) ?? h));
}

/**
 * After an import changed articles: each highlight whose article is not the version it was checked
 * against is found again by its quote, and its new points (or "text changed") are stored. Highlights
 * of articles that are gone are left as they are; they come back with their article.
 */
export function reanchorHighlights(indexDb: Database, userDb: Database): number {
  let moved = 0;
  for (const id of highlightedArticles(userDb)) {
    const stored = highlightsFor(userDb, id);
    const found = restale(indexDb, id, stored);
    if (!found) continue;
    const before = new Map(stored.map((h) => [h.hid, h]));
    userDb.transaction(() => {
      for (const h of found.moved) {
        placeHighlight(userDb, h.hid, { ...h, anchoredTo: found.version });
        const was = before.get(h.hid)!;
        if (h.textChanged || comparePoints(h.start, was.start) !== 0 || comparePoints(h.end, was.end) !== 0) moved++;
      }
    })();
  }
  return moved;
}

/**
 * Highlights of articles in the library now. Those of a removed folder's articles stay in user.db (and
 * in exports) and show again when the folder is added back: an article's id comes from its folder and path.
 */
const isInLibrary =
  (indexDb: Database) =>
  (h: { id: string }): boolean =>
    articleExists(indexDb, h.id);

/** Every highlight, read once until user.db changes (not per keystroke). */
const liveHighlights = untilChanged((userDb) => allHighlights(userDb).map(toWire));

/**
 * Highlights that answer a query in the search box's own language (query/parse.ts), as articles do:
 * every clause holds (one of its OR-ed terms is in the quote or note, or in the title or author its
 * field names), no excluded term appears, phrases are adjacent. Stems, prefixes and fragments come from
 * the index's vocabulary, so "bird" finds "birds" here as in articles.
 */
export function searchHighlights(indexDb: Database, userDb: Database, q: string): Highlight[] {
  const parsed = parseQuery(q);
  if (!parsed.clauses.some((c) => !c.isNegated)) return [];
  // A matcher per clause: each must be checked on its own (an AND of ORs), exclusions as positives.
  const clauses = compileQuery(indexDb, parsed).clauses.map((c) => ({
    isNegated: c.isNegated,
    matcher: new Matcher(assemble([{ ...c, isNegated: false }]), true),
  }));
  const authors = new Map<string, string>();
  const authorOf = (id: string) => {
    if (!authors.has(id)) authors.set(id, librarySummary(indexDb, id)?.author ?? '');
    return authors.get(id)!;
  };
  const has = (m: Matcher, text: string, field: TextField) => m.find(text, field, 1).length > 0;
  const holds = (m: Matcher, h: Highlight) =>
    has(m, h.quote, 'body') ||
    has(m, h.note, 'body') ||
    has(m, h.title, 'title') ||
    (m.terms.some((t) => t.field === 'author') && has(m, authorOf(h.id), 'author'));
  const inLibrary = isInLibrary(indexDb);
  return liveHighlights(userDb).filter((h) => inLibrary(h) && clauses.every(({ isNegated, matcher }) => holds(matcher, h) !== isNegated));
}

export function exportHighlights(userDb: Database, format: HighlightExportFormat, now: Date): { filename: string; text: string } {
  const all = allHighlights(userDb).map(toWire);
  const day = now.toISOString().slice(0, 10);
  if (format === 'json') return { filename: `offprint-highlights-${day}.json`, text: `${JSON.stringify(all, null, 2)}\n` };
  const byArticle = new Map<string, Highlight[]>();
  for (const h of all) byArticle.set(h.id, [...(byArticle.get(h.id) ?? []), h]);
  const parts = [`# Highlights from Offprint (${day})`, ''];
  for (const list of byArticle.values()) {
    parts.push(`## ${list[0]!.title}`, '');
    for (const h of list.sort((a, b) => comparePoints(a.start, b.start))) {
      parts.push(`> ${h.quote.replace(/\n/gu, '\n> ')}`, '');
      if (h.note.trim()) parts.push(h.note.trim(), '');
    }
  }
  return { filename: `offprint-highlights-${day}.md`, text: parts.join('\n') };
}

/** How long a deleted highlight can be brought back (highlights.restore) before it is gone for good. */
export const TRASH_KEPT_DAYS = 30;

export function emptyOldTrash(userDb: Database, now: Date): number {
  return purgeTrash(userDb, new Date(now.getTime() - TRASH_KEPT_DAYS * 24 * 60 * 60 * 1000).toISOString());
}

export function requireHighlight(userDb: Database, hid: string): Highlight {
  const h = getHighlight(userDb, hid);
  if (!h) throw new OffprintError('not-found', `No highlight with id ${hid}.`);
  return toWire(h);
}
