import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { blockText } from '../../common/blocks.ts';
import type { Highlight, HighlightExportFormat } from '../../common/contract.ts';
import { getArticleRow, rowBlocks } from './db/articles.ts';
import { untilChanged } from './db/changes.ts';
import { allHighlights, getHighlight, highlightsFor, insertHighlight } from './db/highlights.ts';
import { OffprintError } from './errors.ts';
import { fold } from './text/fold.ts';

/** Highlights and notes: kept in user.db, quoting the words of the article (in index.db) they mark. */

export function addHighlight(
  indexDb: Database,
  userDb: Database,
  input: { id: string; block: number; start: number; end: number; note?: string | undefined },
  now: Date,
): Highlight {
  const row = getArticleRow(indexDb, input.id);
  if (!row) throw new OffprintError('not-found', `No article with id ${input.id}.`);
  const block = rowBlocks(row)[input.block];
  if (!block) throw new OffprintError('bad-request', `block: the article has no block ${input.block}.`);
  const text = blockText(block);
  if (input.end <= input.start || input.end > text.length) {
    throw new OffprintError('bad-request', `start/end: expected 0 ≤ start < end ≤ ${text.length}, got ${input.start}–${input.end}.`);
  }
  const at = now.toISOString();
  const h: Highlight = {
    hid: randomUUID(),
    id: input.id,
    title: row.title,
    block: input.block,
    start: input.start,
    end: input.end,
    quote: text.slice(input.start, input.end),
    note: input.note ?? '',
    createdAt: at,
    updatedAt: at,
  };
  insertHighlight(userDb, h);
  return h;
}

export function listHighlights(userDb: Database, id?: string): Highlight[] {
  return id ? highlightsFor(userDb, id) : allHighlights(userDb);
}

/** Every highlight with its quote, note and title folded once, until user.db changes (not per keystroke). */
const foldedHighlights = untilChanged((userDb) => allHighlights(userDb).map((h) => ({ h, hay: fold(`${h.quote} ${h.note} ${h.title}`) })));

export function searchHighlights(userDb: Database, q: string): Highlight[] {
  const words = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  return foldedHighlights(userDb)
    .filter(({ hay }) => words.every((w) => hay.includes(w)))
    .map(({ h }) => h);
}

export function exportHighlights(userDb: Database, format: HighlightExportFormat, now: Date): { filename: string; text: string } {
  const all = allHighlights(userDb);
  const day = now.toISOString().slice(0, 10);
  if (format === 'json') return { filename: `offprint-highlights-${day}.json`, text: `${JSON.stringify(all, null, 2)}\n` };
  const byArticle = new Map<string, Highlight[]>();
  for (const h of all) byArticle.set(h.id, [...(byArticle.get(h.id) ?? []), h]);
  const parts = [`# Highlights from Offprint (${day})`, ''];
  for (const list of byArticle.values()) {
    parts.push(`## ${list[0]!.title}`, '');
    for (const h of list.sort((a, b) => a.block - b.block || a.start - b.start)) {
      parts.push(`> ${h.quote.replace(/\n/gu, '\n> ')}`, '');
      if (h.note.trim()) parts.push(h.note.trim(), '');
    }
  }
  return { filename: `offprint-highlights-${day}.md`, text: parts.join('\n') };
}

export function requireHighlight(userDb: Database, hid: string): Highlight {
  const h = getHighlight(userDb, hid);
  if (!h) throw new OffprintError('not-found', `No highlight with id ${hid}.`);
  return h;
}
