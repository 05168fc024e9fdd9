/** Corrupt and full databases: detected, kept aside, recovered; user data never silently wiped. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { recordHardening } from '../../test/hardening/summary.ts';
import { userMigrations } from '../library/db/migrations/userMigrations.ts';
import { backupIfDue, listBackups, openUserDb, BACKUPS_KEPT } from '../library/db/userDb.ts';
import { startServices, type Services } from './services.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-recovery-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'moon.md'), '# Moon landing\n\nThe eagle has landed on the moon.');
  writeFileSync(join(content, 'sea.md'), '# Sea\n\nWaves on the open sea.');
  return { dir, content, data: join(dir, 'data') };
}

async function start(w: ReturnType<typeof workspace>, now = () => new Date()): Promise<Services> {
  const s = startServices({
    dataDir: w.data,
    bundledContent: w.content,
    now,
    workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
  });
  await s.ready;
  return s;
}

async function highlightEagle(s: Services): Promise<void> {
  const found = (await s.dispatch('search.query', { q: 'eagle' })) as { ok: true; value: { results: { id: string }[] } };
  const id = found.value.results[0]!.id;
  expect(
    await s.dispatch('highlights.add', { id, start: { block: 0, offset: 4 }, end: { block: 0, offset: 9 }, note: 'keep me' }),
  ).toMatchObject({ ok: true });
}

const highlights = async (s: Services) =>
  ((await s.dispatch('highlights.list', {})) as { ok: true; value: { note: string }[] }).value.map((h) => h.note);

describe('a damaged index database', () => {
  it.each([
    ['truncated', (p: string) => truncateSync(p, 1000)],
    ['garbage', (p: string) => writeFileSync(p, Buffer.alloc(64 * 1024, 0x5a))],
  ])('is moved aside and rebuilt from content when %s, leaving user data untouched', async (_kind, damage) => {
    const w = workspace();
    let s = await start(w);
    await highlightEagle(s);
    await s.close();
    for (const f of ['index.db-wal', 'index.db-shm']) rmSync(join(w.data, f), { force: true });
    damage(join(w.data, 'index.db'));
    s = await start(w);
    expect(s.notices.join(' ')).toMatch(/index was damaged/);
    expect(readdirSync(w.data).some((f) => f.startsWith('index.db.corrupt-'))).toBe(true);
    expect(await s.dispatch('search.query', { q: 'eagle' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await highlights(s)).toEqual(['keep me']);
    await s.close();
    recordHardening({ corruptionsRecovered: 1 });
  });
});

describe('the user database', () => {
  it('is restored from the newest good backup when corrupt, and the user is told', async () => {
    const w = workspace();
    let s = await start(w);
    await highlightEagle(s);
    await s.close();
    // The next start makes the day's first backup, which holds the highlight; then the live file is damaged.
    s = await start(w);
    await s.close();
    expect(listBackups(join(w.data, 'user.db')).length).toBeGreaterThan(0);
    for (const f of ['user.db-wal', 'user.db-shm']) rmSync(join(w.data, f), { force: true });
    writeFileSync(join(w.data, 'user.db'), Buffer.alloc(8192, 0x41));
    s = await start(w);
    expect(s.notices.join(' ')).toMatch(/reading data .* was damaged.*restored/s);
    expect(readdirSync(w.data).some((f) => f.startsWith('user.db.corrupt-'))).toBe(true);
    expect(await highlights(s)).toEqual(['keep me']);
    await s.close();
    recordHardening({ corruptionsRecovered: 1, recordsLost: 0 });
  });

  it('is never silently wiped when no backup is good: the damaged file is kept aside', () => {
    const w = workspace();
    mkdirSync(w.data, { recursive: true });
    const path = join(w.data, 'user.db');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const opened = openUserDb(path);
    expect(opened.notice).toMatch(/no good backup/);
    expect(readdirSync(w.data).some((f) => f.startsWith('user.db.corrupt-'))).toBe(true);
    opened.db.close();
  });

  it('is backed up at least daily and keeps the last seven backups', () => {
    const w = workspace();
    mkdirSync(w.data, { recursive: true });
    const path = join(w.data, 'user.db');
    const { db } = openUserDb(path);
    const day = 24 * 60 * 60 * 1000;
    const start = Date.parse('2026-01-01T12:00:00Z');
    for (let d = 0; d < 10; d++) {
      const now = new Date(start + d * day);
      const made = backupIfDue(db, path, now);
      expect(made).not.toBeNull();
      utimesSync(made!, now, now);
      expect(backupIfDue(db, path, new Date(start + d * day + 60_000))).toBeNull();
    }
    expect(listBackups(path)).toHaveLength(BACKUPS_KEPT);
    db.close();
  });

  it('is backed up before a migration runs', () => {
    const w = workspace();
    mkdirSync(w.data, { recursive: true });
    const path = join(w.data, 'user.db');
    openUserDb(path).db.close();
    const before = listBackups(path).length;
    const next = [
      ...userMigrations,
      { version: userMigrations.at(-1)!.version + 1, name: 'test', up: (db: Database.Database) => db.exec('CREATE TABLE t (x)') },
    ];
    const { db } = openUserDb(path, { migrations: next });
    expect(listBackups(path).length).toBe(before + 1);
    db.close();
  });
});

describe('a full disk', () => {
  it('gives a clear error for a write, and reading and searching still work', async () => {
    const w = workspace();
    const s = await start(w);
    const found = (await s.dispatch('search.query', { q: 'eagle' })) as { ok: true; value: { results: { id: string }[] } };
    const id = found.value.results[0]!.id;
    // Inject the full disk at SQLite's own boundary: no page may be added beyond what the file has.
    const pages = s.deps.userDb.pragma('page_count', { simple: true }) as number;
    s.deps.userDb.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(9000);
    let result;
    for (let i = 0; i < 200; i++) {
      result = await s.dispatch('highlights.add', { id, start: { block: 0, offset: 0 }, end: { block: 0, offset: 5 }, note: big });
      if (!result.ok) break;
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(/disk is full/) } });
    expect(await s.dispatch('search.query', { q: 'eagle' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await s.dispatch('article.get', { id })).toMatchObject({ ok: true });
    await s.close();
    expect(existsSync(join(w.data, 'user.db'))).toBe(true);
  });
});
