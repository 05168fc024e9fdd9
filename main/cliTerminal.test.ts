import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The command line's text output never writes a control byte from a file name or an article to the terminal. */
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'offprint-cli-terminal-'));
const content = join(dir, 'articles');
const db = join(dir, 'index.db');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main', 'cli.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ESC_NAME = 'esc\x1b[31mred\x1b]0;title\x07';
const CR_NAME = 'carriage\rreturn';
const C1_TITLE = 'Csi \u009b31m and \u202eoverride';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

beforeAll(() => {
  mkdirSync(content);
  writeFileSync(join(content, `${ESC_NAME}.md`), 'Zebra crossings are painted white.\n');
  writeFileSync(join(content, `${CR_NAME}.md`), 'Zebra herds cross the river.\n');
  writeFileSync(join(content, 'c1.md'), `# ${C1_TITLE}\n\nZebra stripes confuse flies.\n`);
  writeFileSync(join(content, `empty\x1b[2J.md`), '');
  const r = cli('index', '--content', content, '--db', db);
  expect(r.code).toBe(0);
  expect(r.out).not.toMatch(RAW);
  expect(r.out).toContain('empty\\x1b[2J.md: The file is empty.');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line in a terminal', () => {
  it('shows escape, bell, carriage return, C1 and bidi characters in titles, paths and snippets as escapes', () => {
    const r = cli('search', '--db', db, 'zebra');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain('esc\\x1b[31mred\\x1b]0;title\\x07');
    expect(r.out).toContain('carriage\\x0dreturn');
    expect(r.out).toContain('Csi \\u009b31m and \\u202eoverride');
  });

  it('keeps the exact characters in --json output', () => {
    const r = cli('search', '--db', db, '--json', 'zebra');
    const titles = (JSON.parse(r.out) as { results: { title: string }[] }).results.map((x) => x.title).sort();
    expect(titles).toEqual([C1_TITLE, CR_NAME, ESC_NAME].sort());
  });

  it('shows an article title with escapes in show', () => {
    const { results } = JSON.parse(cli('search', '--db', db, '--json', 'flies').out) as { results: { id: string }[] };
    const r = cli('show', '--db', db, results[0]!.id);
    expect(r.out).not.toMatch(RAW);
    expect(r.out.split('\n')[0]).toBe('Csi \\u009b31m and \\u202eoverride');
  });
});
