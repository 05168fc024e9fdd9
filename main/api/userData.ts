import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Highlight, ReadingPosition, Settings } from '../../preload/contract.ts';
import { getArticleRow, rowBlocks } from '../library/db/articles.ts';
import { allHighlights, getHighlight, highlightsFor, insertHighlight, type HighlightRow } from '../library/db/highlights.ts';
import type { PositionRow } from '../library/db/positions.ts';
import { readSettings } from '../library/db/settings.ts';
import { blockText } from '../library/text/blocks.ts';
import { fold } from '../library/text/fold.ts';
import { ApiError } from './errors.ts';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 18,
  lineHeight: 1.6,
  fontFamily: 'serif',
  paneWidth: 400,
  lastArticle: null,
};

export function settingsOf(userDb: Database): Settings {
  const stored = readSettings(userDb);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = stored[key];
    // A stored value of the wrong type (an older or damaged setting) falls back to the default.
    const fits = key === 'lastArticle' ? value === null || typeof value === 'string' : typeof value === typeof fallback;
    if (key in stored && fits) out[key] = value;
  }
  return out as unknown as Settings;
}

export const toPosition = (r: PositionRow): ReadingPosition => ({
  id: r.id,
  block: r.block,
  offset: r.offset,
  quote: r.quote,
  progress: r.progress,
  updatedAt: r.updated_at,
});

export const toHighlight = (r: HighlightRow): Highlight => ({
  hid: r.hid,
  id: r.id,
  title: r.title,
  block: r.block,
  start: r.start,
  end: r.end,
  quote: r.quote,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function addHighlight(
  indexDb: Database,
  userDb: Database,
  input: { id: string; block: number; start: number; end: number; note?: string | undefined },
  now: Date,
): Highlight {
  const row = getArticleRow(indexDb, input.id);
  if (!row) throw new ApiError('not-found', `No article with id ${input.id}.`);
  const block = rowBlocks(row)[input.block];
  if (!block) throw new ApiError('bad-request', `block: the article has no block ${input.block}.`);
  const text = blockText(block);
  if (input.end <= input.start || input.end > text.length) {
    throw new ApiError('bad-request', `start/end: expected 0 ≤ start < end ≤ ${text.length}, got ${input.start}–${input.end}.`);
  }
  const at = now.toISOString();
  const h: HighlightRow = {
    hid: randomUUID(),
    id: input.id,
    title: row.title,
    block: input.block,
    start: input.start,
    end: input.end,
    quote: text.slice(input.start, input.end),
    note: input.note ?? '',
    created_at: at,
    updated_at: at,
  };
  insertHighlight(userDb, h);
  return toHighlight(h);
}

export function listHighlights(userDb: Database, id?: string): Highlight[] {
  return (id ? highlightsFor(userDb, id) : allHighlights(userDb)).map(toHighlight);
}

export function searchHighlights(userDb: Database, q: string): Highlight[] {
  const words = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  return allHighlights(userDb)
    .filter((h) => {
      const hay = fold(`${h.quote} ${h.note} ${h.title}`);
      return words.every((w) => hay.includes(w));
    })
    .map(toHighlight);
}

export function exportHighlights(userDb: Database, format: 'markdown' | 'json', now: Date): { filename: string; text: string } {
  const all = allHighlights(userDb).map(toHighlight);
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
  if (!h) throw new ApiError('not-found', `No highlight with id ${hid}.`);
  return toHighlight(h);
}
