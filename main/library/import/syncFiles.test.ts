import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { searchArticles } from '../search.ts';
import { syncFolders, type SyncOptions } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { dropPrivilegesSkipReason, unprivilegedTree } from '../unprivileged.ts';
import { readArticleFile } from './readFile.ts';

let lib: TempLibrary;
let root: string;
beforeEach(() => {
  lib = tempLibrary();
  root = join(lib.dir, 'articles');
  mkdirSync(root, { recursive: true });
});
afterEach(() => lib.cleanup());

const sync = (options: SyncOptions = {}) => syncFolders(lib.db, [{ key: 'f', root }], options);
const problems = () =>
  (
    lib.db.prepare('SELECT relpath, code, reason FROM import_errors WHERE folder = ? ORDER BY relpath').all('f') as {
      relpath: string;
      code: string;
      reason: string;
    }[]
  ).map((p) => [p.relpath, p.code, p.reason]);
const imported = () =>
  (lib.db.prepare('SELECT relpath FROM articles WHERE folder = ? ORDER BY relpath').all('f') as { relpath: string }[]).map(
    (r) => r.relpath,
  );

describe('syncFolders over awkward files', () => {
  it('imports the good files and reports links out, loops, FIFOs, binaries and files over the limit', () => {
    lib.write('good.md', '# Good\n\nA plain article about lighthouses.');
    lib.write('binary.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    lib.write('big.txt', `Big\n\n${'word '.repeat(300_000)}`);
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const outside = join(lib.dir, 'outside.md');
    writeFileSync(outside, '# Outside\n\nThe word zanzibar lives outside the folder.');
    symlinkSync(outside, join(root, 'leak.md'));
    symlinkSync(join(root, 'loop2.md'), join(root, 'loop1.md'));
    symlinkSync(join(root, 'loop1.md'), join(root, 'loop2.md'));
    symlinkSync(join(lib.dir), join(root, 'up'));

    const report = sync({ maxBytes: 1048576 });
    expect(report.added).toBe(1);
    expect(imported()).toEqual(['good.md']);
    expect(problems()).toEqual([
      ['big.txt', 'too-large', 'The file is 1.4 MB, over the 1 MB limit.'],
      ['binary.txt', 'binary', 'The file is binary (it contains NUL bytes), not text.'],
      ['leak.md', 'symlink', 'The link points outside the folder; it was not followed.'],
      ['loop1.md', 'symlink', 'The link is broken or loops; it was not followed.'],
      ['loop2.md', 'symlink', 'The link is broken or loops; it was not followed.'],
      ['pipe.md', 'not-a-file', 'Not a regular file (a pipe, socket or device); it was not read.'],
      ['up', 'symlink', 'The link points outside the folder; it was not followed.'],
    ]);
    expect(report.failed.length).toBe(7);
    expect(searchArticles(lib.db, 'zanzibar').total).toBe(0);
    expect(searchArticles(lib.db, 'lighthouses').total).toBe(1);
  });

  it('imports names that differ only by Unicode normalization as two articles', () => {
    lib.write('caf\u00e9.md', '# Composed\n\nThe composed name.');
    lib.write('cafe\u0301.md', '# Decomposed\n\nThe decomposed name.');
    const report = sync();
    if (imported().length === 1) return; // A file system that normalizes names (APFS) keeps one file.
    expect(report.added).toBe(2);
    expect(imported().sort()).toEqual(['cafe\u0301.md', 'caf\u00e9.md'].sort());
    const ids = lib.db.prepare('SELECT DISTINCT id FROM articles').all();
    expect(ids.length).toBe(2);
  });

  it('reports a file that vanished between the scan and the read, and imports the rest', () => {
    const gone = lib.write('vanishing.md', '# Soon gone\n\nText.');
    lib.write('stays.md', '# Stays\n\nText.');
    const report = sync({
      readFile: (abs, max) => {
        if (abs === gone) unlinkSync(abs);
        return readArticleFile(abs, max);
      },
    });
    expect(imported()).toEqual(['stays.md']);
    expect(report.added).toBe(1);
    expect(problems()).toEqual([['vanishing.md', 'changed', 'The file vanished before it could be read.']]);
  });

  it('keeps the last good version of a file that changes or turns unreadable during a later import', () => {
    const changing = lib.write('changing.md', '# First version\n\nThe word albatross.');
    const locked = lib.write('locked.md', '# Locked\n\nThe word pelican.');
    expect(sync().added).toBe(2);
    writeFileSync(changing, '# Second version\n\nThe word cormorant, and more.');
    utimesSync(locked, new Date(), new Date(Date.now() + 5000));
    const report = sync({
      readFile: (abs, max) => {
        if (abs === changing)
          return {
            ok: false,
            error: { code: 'changed', reason: 'The file changed while it was read; it will be read again at the next scan.' },
          };
        if (abs === locked) return { ok: false, error: { code: 'unreadable', reason: 'Permission denied: the file cannot be read.' } };
        return readArticleFile(abs, max);
      },
    });
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(problems()).toEqual([
      ['changing.md', 'changed', 'The file changed while it was read; it will be read again at the next scan.'],
      ['locked.md', 'unreadable', 'Permission denied: the file cannot be read.'],
    ]);
    expect(searchArticles(lib.db, 'albatross').total).toBe(1);
    expect(searchArticles(lib.db, 'pelican').total).toBe(1);
    expect(sync()).toMatchObject({ updated: 1, failed: [] });
    expect(searchArticles(lib.db, 'cormorant').total).toBe(1);
  });

  it('reports a file whose read throws and imports the rest', () => {
    lib.write('a.md', '# A\n\nText.');
    lib.write('b.md', '# B\n\nText.');
    const report = sync({
      readFile: (abs, max) => {
        if (abs.endsWith('a.md')) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        return readArticleFile(abs, max);
      },
    });
    expect(imported()).toEqual(['b.md']);
    expect(report.failed).toEqual([{ path: join(root, 'a.md'), reason: expect.stringContaining('EIO') }]);
  });

  const skipReason = dropPrivilegesSkipReason();
  if (skipReason) console.warn(`syncFiles.test.ts: skipping the unprivileged-user test: ${skipReason}.`);
  it.skipIf(skipReason !== null)('reports files and folders an unprivileged user cannot read, and imports the rest', () => {
    lib.write('open.md', '# Open\n\nAnyone may read this.');
    const secret = lib.write('secret.md', '# Secret\n\nOnly root may read this.');
    lib.write('closed/inner.md', '# Inner\n\nIn a closed folder.');
    chmodSync(secret, 0o000);
    chmodSync(join(root, 'closed'), 0o000);
    for (const d of [lib.dir, root]) chmodSync(d, 0o755);
    const tree = unprivilegedTree();
    onTestFinished(() => tree.cleanup());
    const script = join(lib.dir, 'sync-as-nobody.ts');
    writeFileSync(
      script,
      `import { tempLibrary } from '${tree.url('main/library/testing.ts')}';
import { syncFolders } from '${tree.url('main/library/sync.ts')}';
const lib = tempLibrary();
const report = syncFolders(lib.db, [{ key: 'f', root: process.argv[2] }]);
const problems = lib.db.prepare('SELECT relpath, code, reason FROM import_errors ORDER BY relpath').all();
console.log(JSON.stringify({ uid: process.getuid(), added: report.added, problems }));
lib.cleanup();
`,
    );
    chmodSync(script, 0o644);
    const child = tree.run(script, [root], { env: { PATH: process.env.PATH, HOME: lib.dir } });
    expect(child.stderr).toBe('');
    const out = JSON.parse(child.stdout) as { uid: number; added: number; problems: { relpath: string; code: string; reason: string }[] };
    expect(out.uid).toBe(65534);
    expect(out.added).toBe(1);
    expect(out.problems).toEqual([
      { relpath: 'closed', code: 'unreadable', reason: 'The folder could not be read (EACCES).' },
      { relpath: 'secret.md', code: 'unreadable', reason: 'Permission denied: the file cannot be read.' },
    ]);
  });
});
