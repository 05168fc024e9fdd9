import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleFile } from './readFile.ts';
import { scanFolder } from './scan.ts';

let dir: string;
let root: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'offprint-scan-'));
  root = join(dir, 'articles');
  outside = join(dir, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), '# Secret\n\nOutside the folder.');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, content: string | Uint8Array = 'Title\n\nBody.'): string => {
  const abs = join(root, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, content);
  return abs;
};
const rels = (maxBytes?: number): string[] => scanFolder(root, maxBytes).files.map((f) => f.relpath);
const problems = (maxBytes?: number) => scanFolder(root, maxBytes).problems.map((p) => [p.relpath, p.code, p.reason]);

describe('scanFolder', () => {
  it('lists article files in sorted order with slash-separated paths, skipping hidden and other files', () => {
    write('b.md');
    write('a.txt');
    write('sub/c.HTML');
    write('.hidden.md');
    write('.git/config.txt');
    write('notes.docx');
    write('README');
    expect(rels()).toEqual(['a.txt', 'b.md', 'sub/c.HTML']);
    expect(problems()).toEqual([]);
  });

  it('reports a symlink to a file outside the folder and does not follow it', () => {
    write('a.md');
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
    expect(rels()).toEqual(['a.md']);
    expect(problems()).toEqual([['leak.md', 'symlink', 'The link points outside the folder; it was not followed.']]);
  });

  it('reports a symlink to a folder outside and does not walk into it', () => {
    symlinkSync(outside, join(root, 'elsewhere'));
    expect(rels()).toEqual([]);
    expect(problems()).toEqual([['elsewhere', 'symlink', 'The link points outside the folder; it was not followed.']]);
  });

  it('reports symlink loops and broken links', () => {
    symlinkSync(join(root, 'loop-b.md'), join(root, 'loop-a.md'));
    symlinkSync(join(root, 'loop-a.md'), join(root, 'loop-b.md'));
    symlinkSync('self.md', join(root, 'self.md'));
    symlinkSync(join(root, 'missing.md'), join(root, 'broken.md'));
    const reason = 'The link is broken or loops; it was not followed.';
    expect(problems()).toEqual([
      ['broken.md', 'symlink', reason],
      ['loop-a.md', 'symlink', reason],
      ['loop-b.md', 'symlink', reason],
      ['self.md', 'symlink', reason],
    ]);
  });

  it('lists a file once when a symlink inside the folder points to it, and does not loop through a link to an ancestor', () => {
    write('real/a.md');
    symlinkSync(join(root, 'real/a.md'), join(root, 'alias.md'));
    symlinkSync(root, join(root, 'real/up'));
    symlinkSync('..', join(root, 'real/parent'));
    expect(rels()).toEqual(['real/a.md']);
    expect(problems()).toEqual([]);
  });

  it('reports a FIFO with an article name without opening it', () => {
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    write('a.txt');
    expect(rels()).toEqual(['a.txt']);
    expect(problems()).toEqual([['pipe.md', 'not-a-file', 'Not a regular file (a pipe, socket or device); it was not read.']]);
  });

  it('reports a file over the size limit and lists one at the limit', () => {
    write('big.txt', 'x'.repeat(2 * 1048576 + 1));
    write('edge.txt', 'x'.repeat(1048576));
    expect(rels(1048576)).toEqual(['edge.txt']);
    expect(problems(1048576)).toEqual([['big.txt', 'too-large', 'The file is 2.0 MB, over the 1 MB limit.']]);
  });

  it('lets books, PDFs and saved pages be ten times the size of a text file', () => {
    const mb = 1048576;
    for (const name of ['book.epub', 'paper.pdf', 'page.mhtml', 'notes.txt']) write(name, new Uint8Array(3 * mb));
    write('huge.pdf', new Uint8Array(11 * mb));
    expect(rels(mb)).toEqual(['book.epub', 'page.mhtml', 'paper.pdf']);
    expect(problems(mb)).toEqual([
      ['huge.pdf', 'too-large', 'The file is 11.0 MB, over the 10 MB limit.'],
      ['notes.txt', 'too-large', 'The file is 3.0 MB, over the 1 MB limit.'],
    ]);
  });

  it('keeps names that differ only by Unicode normalization as two files', () => {
    write('caf\u00e9.md', '# NFC\n\nComposed.');
    write('cafe\u0301.md', '# NFD\n\nDecomposed.');
    if (readdirSync(root).length < 2) return; // A file system that normalizes names (APFS) holds one file.
    expect(rels()).toEqual(['cafe\u0301.md', 'caf\u00e9.md'].sort());
  });
});

describe('scanFolder counts', () => {
  it('tells how many files it has found while it lists them: before each folder and every 256 files of one', () => {
    for (let i = 0; i < 600; i++) write(`big/${i}.txt`);
    write('small/a.md');
    const heard: number[] = [];
    const found = scanFolder(root, undefined, (n) => heard.push(n)).files.length;
    expect(found).toBe(601);
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
    expect(heard).toEqual(expect.arrayContaining([256, 512]));
    expect(heard[0]).toBe(0);
  });
});

describe('readArticleFile', () => {
  it('reports files and folders whose names are not valid UTF-8 with their bytes, and lists the rest', () => {
    const raw = (...parts: (string | number[])[]): Buffer =>
      Buffer.concat([Buffer.from(`${root}/`), ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))]);
    writeFileSync(raw('caf', [0xe9], '.md'), '# Latin-1 name\n\nBody.');
    mkdirSync(raw('dossier-', [0xff]));
    writeFileSync(raw('dossier-', [0xff], '/inside.md'), '# Inside\n\nBody.');
    writeFileSync(raw('notes', [0xfe], '.bin'), 'not an article');
    write('\uFFFD real replacement character.md');
    write('plain.md');
    expect(rels()).toEqual(['plain.md', '\uFFFD real replacement character.md']);
    expect(problems().sort()).toEqual([
      [
        'caf\uFFFD.md',
        'unreadable',
        "The file's name is not valid UTF-8 (bytes 63 61 66 e9 2e 6d 64), so Offprint cannot keep it as a path; rename it to import it.",
      ],
      [
        'dossier-\uFFFD',
        'unreadable',
        "The folder's name is not valid UTF-8 (bytes 64 6f 73 73 69 65 72 2d ff), so Offprint cannot keep it as a path; rename it to import the files inside.",
      ],
    ]);
  });

  it('reads a file with its size and modification time', () => {
    const abs = write('a.md', 'hello');
    expect(readArticleFile(abs, 100)).toMatchObject({ ok: true, bytes: new TextEncoder().encode('hello'), size: 5 });
  });

  it('reports a file that vanished as changed', () => {
    expect(readArticleFile(join(root, 'gone.md'), 100)).toEqual({
      ok: false,
      error: { code: 'changed', reason: 'The file vanished before it could be read.' },
    });
  });

  it('does not block on a FIFO and does not follow a symlink', () => {
    const fifo = join(root, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(readArticleFile(fifo, 100)).toMatchObject({ ok: false, error: { code: 'not-a-file' } });
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
    expect(readArticleFile(join(root, 'leak.md'), 100)).toMatchObject({
      ok: false,
      error: { code: 'unreadable', reason: 'The file could not be opened (ELOOP).' },
    });
  });

  it('refuses a directory and a file that grew past the limit since the scan', () => {
    mkdirSync(join(root, 'dir.md'));
    expect(readArticleFile(join(root, 'dir.md'), 100)).toMatchObject({ ok: false, error: { code: 'not-a-file' } });
    expect(readArticleFile(write('big.md', 'x'.repeat(3 * 1048576)), 2 * 1048576)).toEqual({
      ok: false,
      error: { code: 'too-large', reason: 'The file is over the 2 MB limit.' },
    });
  });
});

describe('a page saved as "Web page, complete"', () => {
  it('does not list the files inside <name>_files beside <name>.html or .htm as articles of their own', () => {
    write('Node.js - Wikipedia.html', '<title>Page</title><p>Page.</p>');
    write('Node.js - Wikipedia_files/frame.html', '<p>A frame of the page.</p>');
    write('Node.js - Wikipedia_files/notes.txt', 'Saved with the page.');
    write('old/Report.HTM', '<p>Report.</p>');
    write('old/report_files/inner.htm', '<p>Inner.</p>');
    expect(rels()).toEqual(['Node.js - Wikipedia.html', 'old/Report.HTM']);
  });

  it('still lists a folder named like one when no page of that name stands beside it', () => {
    write('notes_files/todo.md', '# Todo');
    write('notes.md', '# Notes');
    write('deep/page.html', '<p>Elsewhere.</p>');
    write('page_files/inner.html', '<p>Not beside deep/page.html.</p>');
    write('_files/x.txt', 'A folder of that bare name.');
    expect(rels()).toEqual(['_files/x.txt', 'deep/page.html', 'notes.md', 'notes_files/todo.md', 'page_files/inner.html']);
  });
});
