/** Highlights over their whole life: across blocks, through the trash, a migration and re-imports that change the text. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight, ReadingPosition } from '../../common/contract.ts';
import { listBackups } from '../library/db/userDb.ts';
import { folderSpecs } from '../library/folders.ts';
import { startServices, type Services } from './services.ts';

const FIXTURE = fileURLToPath(new URL('../library/db/__fixtures__/landed-user-v1/', import.meta.url));
const HARBOUR = 'N_CPK3_glnEnjyJh';
const FERNS = 'ss587kTVOhR8K-P7';

const dirs: string[] = [];
const running: Services[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder and a content folder holding the fixture's two articles, with or without the landed user.db. */
function workspace(withLandedUserDb: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-highlights-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  cpSync(join(FIXTURE, 'content'), content, { recursive: true });
  const data = join(dir, 'data');
  if (withLandedUserDb) cpSync(join(FIXTURE, 'user.db'), join(data, 'user.db'), { recursive: true });
  return { content, data };
}

async function start(w: { content: string; data: string }): Promise<Services> {
  const s = startServices({
    dataDir: w.data,
    bundledContent: w.content,
    workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
  });
  running.push(s);
  await s.ready;
  return s;
}

async function call<T>(s: Services, name: string, input: unknown): Promise<T> {
  const r = await s.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** Re-imports the content folder after its files changed, as the watcher or a rescan would, and waits for it. */
async function reimport(s: Services): Promise<void> {
  await s.deps.indexer.sync(folderSpecs(s.deps.userDb, s.deps.bundled));
}

const at = (block: number, offset: number) => ({ block, offset });

describe('a highlight across blocks', () => {
  it('keeps all of its text, and comes back whole after a restart', async () => {
    const w = workspace(false);
    let s = await start(w);
    const added = await call<Highlight>(s, 'highlights.add', { id: HARBOUR, start: at(1, 24), end: at(3, 14), note: 'morning' });
    expect(added.quote).toBe(
      'before sunrise, when the water is still and grey.\nGulls follow them out past the breakwater, calling over the engines.\nnets and ropes',
    );
    await s.close();
    running.splice(0);
    s = await start(w);
    expect(await call<Highlight[]>(s, 'highlights.list', { id: HARBOUR })).toEqual([added]);
  });

  it('is refused with a reason when its ends are out of order, outside the text or only white space', async () => {
    const s = await start(workspace(false));
    for (const [start, end, reason] of [
      [at(3, 0), at(1, 0), /start before the end/],
      [at(1, 0), at(99, 0), /blocks/],
      [at(1, 0), at(1, 9999), /blocks/],
    ] as const) {
      expect(await s.dispatch('highlights.add', { id: HARBOUR, start, end })).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringMatching(reason) },
      });
    }
  });
});

describe('a user.db made by the landed version (one block per highlight)', () => {
  it('migrates without losing a highlight, a note, a date or the reading position', async () => {
    const w = workspace(true);
    const before = new Database(join(w.data, 'user.db'), { readonly: true });
    const landed = before.prepare('SELECT hid, id, block, start, "end", quote, note, created_at FROM highlights ORDER BY hid').all() as {
      hid: string;
      id: string;
      block: number;
      start: number;
      end: number;
      quote: string;
      note: string;
      created_at: string;
    }[];
    before.close();
    expect(landed).toHaveLength(4);

    const s = await start(w);
    expect(listBackups(join(w.data, 'user.db'))).toHaveLength(1);
    const all = await call<Highlight[]>(s, 'highlights.list', {});
    expect([...all].sort((a, b) => a.hid.localeCompare(b.hid))).toEqual(
      landed.map((h) => ({
        hid: h.hid,
        id: h.id,
        title: h.id === HARBOUR ? 'The harbour at dawn' : 'Ferns of the Ægean coast',
        start: at(h.block, h.start),
        end: at(h.block, h.end),
        quote: h.quote,
        note: h.note,
        createdAt: h.created_at,
        updatedAt: h.created_at,
        textChanged: false,
      })),
    );
    // Each is still on its words: the article's text between its points is its quote.
    const article = await call<{ blocks: unknown[] }>(s, 'article.get', { id: FERNS });
    expect(JSON.stringify(article.blocks[1])).toContain('Some species');
    expect(await call<ReadingPosition>(s, 'position.get', { id: HARBOUR })).toMatchObject({ block: 2, offset: 0, progress: 0.4 });
    expect(await call<Highlight[]>(s, 'highlights.list', { id: HARBOUR })).toHaveLength(3);
  });
});

describe('after a re-import of a changed article', () => {
  it('finds each highlight again by its quote, and keeps the ones whose words are gone, marked "text changed"', async () => {
    const w = workspace(true);
    const s = await start(w);
    const across = await call<Highlight>(s, 'highlights.add', { id: HARBOUR, start: at(2, 43), end: at(4, 11) });
    expect(across.quote).toBe('calling over the engines.\nnets and ropes\nice for the catch\ncoffee in a flask ☕\nBy noon the');

    // A paragraph is added at the top and the list loses its last item: every block moves down one.
    const file = join(w.content, 'harbour.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original
        .replace('The fishing boats', 'A new first paragraph, written later.\n\nThe fishing boats')
        .replace('- coffee in a flask ☕\n', ''),
    );
    await reimport(s);

    const byQuote = (list: Highlight[]) => new Map(list.map((h) => [h.quote, h]));
    const now = byQuote(await call<Highlight[]>(s, 'highlights.list', { id: HARBOUR }));
    expect(now.get('fishing boats')).toMatchObject({ start: at(2, 4), end: at(2, 17), textChanged: false });
    expect(now.get('Gull')).toMatchObject({ start: at(3, 0), end: at(3, 4), textChanged: false });
    // Its words are no longer in the article: kept, with its note and its old place, and said to have changed.
    expect(now.get('nets and ropes\nice for the catch\ncoffee in a f')).toMatchObject({
      start: at(3, 0),
      end: at(3, 46),
      textChanged: true,
    });
    expect(now.get(across.quote)).toMatchObject({ textChanged: true });
    expect(now.size).toBe(4);

    // What was found again is stored: the library-wide list (which reads only user.db) agrees.
    const all = byQuote(await call<Highlight[]>(s, 'highlights.list', {}));
    expect(all.get('fishing boats')).toMatchObject({ start: at(2, 4), textChanged: false });
    expect(all.get('nets and ropes\nice for the catch\ncoffee in a f')).toMatchObject({ textChanged: true });

    // The words come back with the old text: the highlight is whole again.
    writeFileSync(file, original);
    await reimport(s);
    const restored = byQuote(await call<Highlight[]>(s, 'highlights.list', { id: HARBOUR }));
    expect(restored.get('nets and ropes\nice for the catch\ncoffee in a f')).toMatchObject({
      start: at(3, 0),
      end: at(3, 46),
      textChanged: false,
    });
    expect(restored.get(across.quote)).toMatchObject({ start: at(2, 43), end: at(4, 11), textChanged: false });
  });
});

describe('searching highlights', () => {
  it('reads the query as the article search does: exclusions, phrases, OR, fields, stems', async () => {
    // The landed user.db's highlights: "fishing boats" (note "the boats"), "Gull" (note "birds ✓"),
    // a list of three items, all in "The harbour at dawn", and "Some " (note "ferns") in the ferns article.
    const s = await start(workspace(true));
    const quotes = async (q: string) => (await call<Highlight[]>(s, 'highlights.search', { q })).map((h) => h.quote.trim()).sort();
    expect(await quotes('fishing')).toEqual(['fishing boats']);
    expect(await quotes('fish')).toEqual(['fishing boats']);
    expect(await quotes('-fishing')).toEqual([]);
    expect(await quotes('boats -fishing')).toEqual([]);
    expect(await quotes('"fishing boats"')).toEqual(['fishing boats']);
    expect(await quotes('"boats fishing"')).toEqual([]);
    expect(await quotes('fishing OR ferns')).toEqual(['Some', 'fishing boats']);
    expect(await quotes('bird')).toEqual(['Gull']);
    expect(await quotes('gull -birds')).toEqual([]);
    expect(await quotes('title:ferns')).toEqual(['Some']);
    expect(await quotes('title:ferns fishing')).toEqual([]);
    expect(await quotes('title:harbour -title:ferns ropes')).toEqual(['nets and ropes\nice for the catch\ncoffee in a f']);
  });
});
