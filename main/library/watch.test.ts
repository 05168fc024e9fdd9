import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderWatcher } from './watch.ts';

describe('FolderWatcher', () => {
  it('reports a settled change in a watched folder once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offprint-watch-'));
    const changes: string[] = [];
    const w = new FolderWatcher((key) => changes.push(key), 100);
    w.add('A', dir);
    writeFileSync(join(dir, 'one.md'), '# One');
    writeFileSync(join(dir, 'two.md'), '# Two');
    await new Promise((r) => setTimeout(r, 600));
    w.close();
    rmSync(dir, { recursive: true, force: true });
    expect(changes).toEqual(['A']);
  });

  it('ignores hidden files such as editors’ swap files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offprint-watch-'));
    const changes: string[] = [];
    const w = new FolderWatcher((key) => changes.push(key), 100);
    w.add('A', dir);
    writeFileSync(join(dir, '.one.md.swp'), 'x');
    await new Promise((r) => setTimeout(r, 400));
    w.close();
    rmSync(dir, { recursive: true, force: true });
    expect(changes).toEqual([]);
  });
});
