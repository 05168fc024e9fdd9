import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { untilChanged } from './changes.ts';

const dir = mkdtempSync(join(tmpdir(), 'offprint-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a value kept until the database changes', () => {
  it('is built again after a write by this connection or by another one, and not otherwise', () => {
    const a = new Database(join(dir, 'x.db'));
    a.pragma('journal_mode = WAL');
    a.exec('CREATE TABLE t (v INTEGER)');
    const b = new Database(join(dir, 'x.db'));
    let builds = 0;
    const count = untilChanged((db) => {
      builds++;
      return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
    });
    expect(count(a)).toBe(0);
    expect(count(a)).toBe(0);
    expect(builds).toBe(1);
    a.prepare('INSERT INTO t VALUES (1)').run();
    expect(count(a)).toBe(1);
    b.prepare('INSERT INTO t VALUES (2)').run();
    expect(count(a)).toBe(2);
    expect(builds).toBe(3);
    // Inside a transaction of its own, nothing is kept: its writes may yet be rolled back.
    a.transaction(() => {
      a.prepare('INSERT INTO t VALUES (3)').run();
      expect(count(a)).toBe(3);
    })();
    a.close();
    b.close();
  });
});
