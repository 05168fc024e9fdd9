import type { Database } from 'better-sqlite3';
import type { BlockPoint, Highlight } from '../../../common/contract.ts';
import { statementCache } from './statements.ts';

/** A highlight as user.db keeps it: the wire's Highlight, and the article version its points were checked against. */
export interface StoredHighlight extends Highlight {
  anchoredTo: string;
}

/** Where a highlight is now, after checking it against its article (highlightAnchors.ts). */
export interface HighlightPlace {
  start: BlockPoint;
  end: BlockPoint;
  textChanged: boolean;
  anchoredTo: string;
}

interface Row {
  hid: string;
  id: string;
  title: string;
  start_block: number;
  start_offset: number;
  end_block: number;
  end_offset: number;
  quote: string;
  note: string;
  created_at: string;
  updated_at: string;
  anchored_to: string;
  text_changed: number;
}

const COLS = `hid, id, title, start_block, start_offset, end_block, end_offset, quote, note, created_at, updated_at, anchored_to, text_changed`;
const LIVE = 'deleted_at IS NULL';

const statements = statementCache((db) => ({
  forArticle: db.prepare<[string], Row>(`SELECT ${COLS} FROM highlights WHERE id = ? AND ${LIVE} ORDER BY start_block, start_offset`),
  all: db.prepare<[], Row>(`SELECT ${COLS} FROM highlights WHERE ${LIVE} ORDER BY updated_at DESC`),
  get: db.prepare<[string], Row>(`SELECT ${COLS} FROM highlights WHERE hid = ? AND ${LIVE}`),
  insert: db.prepare(
    `INSERT INTO highlights (${COLS})
     VALUES (@hid, @id, @title, @start_block, @start_offset, @end_block, @end_offset, @quote, @note, @created_at, @updated_at, @anchored_to, @text_changed)`,
  ),
  setNote: db.prepare<[string, string, string]>(`UPDATE highlights SET note = ?, updated_at = ? WHERE hid = ? AND ${LIVE}`),
  trash: db.prepare<[string, string]>(`UPDATE highlights SET deleted_at = ? WHERE hid = ? AND ${LIVE}`),
  restore: db.prepare<[string]>('UPDATE highlights SET deleted_at = NULL WHERE hid = ? AND deleted_at IS NOT NULL'),
  purge: db.prepare<[string]>('DELETE FROM highlights WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
  articleIds: db.prepare<[], string>(`SELECT DISTINCT id FROM highlights WHERE ${LIVE}`).pluck(),
  // The trash too: a deleted highlight restored later belongs with the copy its article went to.
  versions: db.prepare<[], { id: string; anchored_to: string }>('SELECT DISTINCT id, anchored_to FROM highlights'),
  move: db.prepare<[string, string, string]>('UPDATE highlights SET id = ? WHERE id = ? AND anchored_to = ?'),
  place: db.prepare(
    `UPDATE highlights SET start_block = @start_block, start_offset = @start_offset, end_block = @end_block,
       end_offset = @end_offset, text_changed = @text_changed, anchored_to = @anchored_to WHERE hid = @hid`,
  ),
}));

function toHighlight(r: Row): StoredHighlight {
  return {
    hid: r.hid,
    id: r.id,
    title: r.title,
    start: { block: r.start_block, offset: r.start_offset },
    end: { block: r.end_block, offset: r.end_offset },
    quote: r.quote,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    textChanged: r.text_changed !== 0,
    anchoredTo: r.anchored_to,
  };
}

const placeColumns = (p: HighlightPlace) => ({
  start_block: p.start.block,
  start_offset: p.start.offset,
  end_block: p.end.block,
  end_offset: p.end.offset,
  text_changed: p.textChanged ? 1 : 0,
  anchored_to: p.anchoredTo,
});

export function highlightsFor(db: Database, id: string): StoredHighlight[] {
  return statements(db).forArticle.all(id).map(toHighlight);
}

export function allHighlights(db: Database): StoredHighlight[] {
  return statements(db).all.all().map(toHighlight);
}

export function getHighlight(db: Database, hid: string): StoredHighlight | undefined {
  const row = statements(db).get.get(hid);
  return row && toHighlight(row);
}

/** The articles that have highlights (not counting the trash). */
export function highlightedArticles(db: Database): string[] {
  return statements(db).articleIds.all();
}

/** Each article id highlights are kept under, with each article version they were checked against. */
export function highlightVersions(db: Database): { id: string; anchoredTo: string }[] {
  return statements(db)
    .versions.all()
    .map((r) => ({ id: r.id, anchoredTo: r.anchored_to }));
}

/** Moves the highlights kept under one article id and checked against one version to another article id. */
export function moveHighlights(db: Database, from: string, anchoredTo: string, to: string): number {
  return statements(db).move.run(to, from, anchoredTo).changes;
}

export function insertHighlight(db: Database, h: StoredHighlight): void {
  statements(db).insert.run({
    hid: h.hid,
    id: h.id,
    title: h.title,
    quote: h.quote,
    note: h.note,
    created_at: h.createdAt,
    updated_at: h.updatedAt,
    ...placeColumns(h),
  });
}

export function setHighlightNote(db: Database, hid: string, note: string, at: string): boolean {
  return statements(db).setNote.run(note, at, hid).changes > 0;
}

/** Where a highlight was found again after its article changed. */
export function placeHighlight(db: Database, hid: string, place: HighlightPlace): void {
  statements(db).place.run({ hid, ...placeColumns(place) });
}

/** Moves a highlight to the trash; restoreHighlight takes it back out, purgeTrash empties it. */
export function trashHighlight(db: Database, hid: string, at: string): boolean {
  return statements(db).trash.run(at, hid).changes > 0;
}

export function restoreHighlight(db: Database, hid: string): boolean {
  return statements(db).restore.run(hid).changes > 0;
}

/** Deletes for good what went to the trash before `before` (an ISO time). */
export function purgeTrash(db: Database, before: string): number {
  return statements(db).purge.run(before).changes;
}
