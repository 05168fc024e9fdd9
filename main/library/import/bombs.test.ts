/**
 * The bomb corpus (issue 15): files built to stall or bloat an importer, at the sizes the issue measured.
 * Each is imported alone in a fresh process, whose CPU time and peak memory are measured, and then all of
 * them together with ordinary articles in one folder through the command line: each bomb imports within a
 * generous CPU bound, keeping its readable sentence, or is refused with a reason, and the rest of the
 * folder imports.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBombs } from '../../../test/fixtures/bombs/generate.ts';
import type { BombOutcome } from '../../../test/hardening/importBomb.ts';
import { recordHardening } from '../../../test/hardening/summary.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'offprint-bombs-'));
const folder = join(work, 'articles');
const bombs = allBombs();
/** CPU seconds a bomb may take: several times what a linear importer needs, and far below what the quadratic one took. */
const cpuBoundMs = (bytes: number): number => 10_000 + 2_000 * (bytes / 1e6);
const PEAK_RSS_MB = 1024;
const ORDINARY = ['ordinary-one.md', 'ordinary-two.html', 'ordinary-three.txt'];

const outcomes = new Map<string, BombOutcome>();
/** Bombs refused with a reason: by the importer itself, or by the folder import (a per-file budget). */
const refused = new Set<string>();

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  for (const b of bombs) writeFileSync(join(folder, b.file), b.content);
  writeFileSync(join(folder, ORDINARY[0]!), '# Ordinary one\n\nThe ordinary articles beside the bombs must import: zebra.\n');
  writeFileSync(join(folder, ORDINARY[1]!), '<!doctype html><title>Ordinary two</title><p>An ordinary page beside the bombs: zebra.</p>');
  writeFileSync(join(folder, ORDINARY[2]!), 'Ordinary three\n\nA plain text article beside the bombs: zebra.\n');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  recordHardening({ bombsTried: outcomes.size, bombsRefused: refused.size });
});

describe('the bomb corpus', () => {
  it.each(bombs.map((b) => [b.file, b] as const))(
    '%s imports within its CPU bound and 1 GB, keeping its text, or is refused with a reason',
    (_, bomb) => {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'test', 'hardening', 'importBomb.ts'), join(folder, bomb.file), bomb.sentence],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 240_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const outcome = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as BombOutcome;
      outcomes.set(bomb.file, outcome);
      console.log(
        `bomb ${bomb.file}: ${(outcome.bytes / 1e6).toFixed(2)} MB, ${outcome.cpuMs} ms CPU, peak ${outcome.peakRssMb} MB, ${outcome.ok ? 'imported' : `refused: ${outcome.reason}`} (before: ${bomb.before})`,
      );
      if (outcome.ok) {
        expect(outcome.cpuMs).toBeLessThan(cpuBoundMs(outcome.bytes));
        expect(outcome.hasSentence).toBe(true);
      } else {
        refused.add(bomb.file);
        expect(outcome.reason).toMatch(/\S/u);
      }
      if (outcome.peakRssMb !== null) expect(outcome.peakRssMb).toBeLessThan(PEAK_RSS_MB);
    },
    300_000,
  );

  it('imports the ordinary articles of a folder full of bombs, and reports or imports every bomb', () => {
    const db = join(work, 'index.db');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'main', 'cli.ts'), 'index', '--content', folder, '--db', db, '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 600_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { added: number; failed: { path: string; reason: string }[] };
    for (const f of report.failed) {
      expect.soft(f.reason, f.path).toMatch(/\S/u);
      const bomb = bombs.find((b) => f.path.endsWith(`/${b.file}`));
      if (bomb) refused.add(bomb.file);
    }
    expect(report.added + report.failed.length).toBe(bombs.length + ORDINARY.length);
    const conn = new Database(db, { readonly: true });
    try {
      const paths = (conn.prepare('SELECT path FROM articles').all() as { path: string }[]).map((row) => row.path);
      for (const name of ORDINARY)
        expect(
          paths.some((p) => p.endsWith(`/${name}`)),
          name,
        ).toBe(true);
    } finally {
      conn.close();
    }
  }, 600_000);
});
