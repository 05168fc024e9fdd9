import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_FORMATS, FORMAT_EXTENSIONS } from '../../common/formats.ts';
import { formatOf } from './import/formats.ts';
import { clashNames, copyIntoLibrary, isSameFile, receiveIntoLibrary, uploadNameRefusal } from './libraryFiles.ts';

let dir: string;
let library: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'offprint-libfiles-'));
  library = join(dir, 'Library');
  outside = join(dir, 'elsewhere');
  mkdirSync(outside);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const source = (name: string, text: string | Buffer) => {
  const path = join(outside, name);
  writeFileSync(path, text);
  return path;
};
const names = () => readdirSync(library).sort();

describe('copying a file into the library folder', () => {
  it('copies a readable file under its own name', async () => {
    const r = await copyIntoLibrary(library, source('notes.md', '# Notes\n\nText.'));
    expect(r).toMatchObject({ ok: true, format: 'markdown', placed: { name: 'notes.md', isNew: true } });
    expect(readFileSync(join(library, 'notes.md'), 'utf8')).toBe('# Notes\n\nText.');
  });

  it('gives a different file of the same name " (2)", then " (3)"', async () => {
    await copyIntoLibrary(library, source('notes.md', 'one'));
    mkdirSync(join(outside, 'b'));
    mkdirSync(join(outside, 'c'));
    const second = await copyIntoLibrary(library, source('b/notes.md', 'two'));
    const third = await copyIntoLibrary(library, source('c/notes.md', 'three'));
    expect(second).toMatchObject({ ok: true, placed: { name: 'notes (2).md', isNew: true } });
    expect(third).toMatchObject({ ok: true, placed: { name: 'notes (3).md', isNew: true } });
    expect(readFileSync(join(library, 'notes (3).md'), 'utf8')).toBe('three');
    expect(names()).toEqual(['notes (2).md', 'notes (3).md', 'notes.md']);
  });

  it('writes no second copy of bytes already there, under the first name or a clash name', async () => {
    await copyIntoLibrary(library, source('notes.md', 'one'));
    mkdirSync(join(outside, 'b'));
    await copyIntoLibrary(library, source('b/notes.md', 'two'));
    const again = await copyIntoLibrary(library, source('notes.md', 'one'));
    const againTwo = await copyIntoLibrary(library, source('b/notes.md', 'two'));
    expect(again).toMatchObject({ ok: true, placed: { name: 'notes.md', isNew: false } });
    expect(againTwo).toMatchObject({ ok: true, placed: { name: 'notes (2).md', isNew: false } });
    expect(names()).toEqual(['notes (2).md', 'notes.md']);
  });

  it('refuses a format Offprint does not read, saying which it reads', async () => {
    const r = await copyIntoLibrary(library, source('photo.jpg', 'jpeg'));
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'format' } });
    expect(!r.ok && r.refusal.message).toMatch(/photo\.jpg is not a format Offprint reads.*\.epub/u);
    expect(() => names()).toThrow();
  });

  it('refuses a file over the size cap and leaves nothing behind', async () => {
    const r = await copyIntoLibrary(library, source('big.txt', Buffer.alloc(2048, 0x61)), 1024);
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'too-large' } });
    expect(() => names()).toThrow();
  });

  it('refuses a folder, a missing file and a relative path', async () => {
    mkdirSync(join(outside, 'folder.md'));
    expect(await copyIntoLibrary(library, join(outside, 'folder.md'))).toMatchObject({ ok: false, refusal: { reason: 'not-a-file' } });
    expect(await copyIntoLibrary(library, join(outside, 'gone.md'))).toMatchObject({ ok: false, refusal: { reason: 'not-a-file' } });
    expect(await copyIntoLibrary(library, 'notes.md')).toMatchObject({ ok: false, refusal: { reason: 'not-a-file' } });
  });

  it('never replaces what a link in the library folder points to', async () => {
    mkdirSync(library);
    const victim = source('victim.txt', 'keep me');
    symlinkSync(victim, join(library, 'notes.txt'));
    const r = await copyIntoLibrary(library, source('notes.txt', 'new text'));
    expect(r).toMatchObject({ ok: true, placed: { name: 'notes (2).txt', isNew: true } });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('leaves no temporary file once a copy is placed', async () => {
    await copyIntoLibrary(library, source('a.txt', 'a'));
    await copyIntoLibrary(library, source('a.txt', 'a'));
    expect(readdirSync(library).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('receiving an upload into the library folder', () => {
  it('streams the body in and places it under its name', async () => {
    const r = await receiveIntoLibrary(library, 'paper.html', Readable.from([Buffer.from('<h1>Hi'), Buffer.from('</h1>')]));
    expect(r).toMatchObject({ ok: true, format: 'html', placed: { name: 'paper.html', isNew: true } });
    expect(readFileSync(join(library, 'paper.html'), 'utf8')).toBe('<h1>Hi</h1>');
  });

  it('never shows a half-written file under its name while the body arrives', async () => {
    const seen: string[][] = [];
    async function* slow() {
      yield Buffer.from('First half. ');
      seen.push(readdirSync(library));
      yield Buffer.from('Second half.');
    }
    await receiveIntoLibrary(library, 'slow.txt', slow());
    expect(seen[0]!.length).toBe(1);
    expect(seen[0]!.filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(names()).toEqual(['slow.txt']);
  });

  it('stops past the cap and deletes what it had written', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(200, 0x61));
    const r = await receiveIntoLibrary(library, 'big.txt', Readable.from(chunks), 1000);
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'too-large' } });
    expect(names()).toEqual([]);
  });

  it('leaves nothing behind when the body breaks off halfway', async () => {
    async function* broken() {
      yield Buffer.from('half of it');
      throw new Error('connection reset');
    }
    await expect(receiveIntoLibrary(library, 'cut.txt', broken())).rejects.toThrow('connection reset');
    expect(names()).toEqual([]);
  });

  it('refuses a name with a path in it before writing anything', async () => {
    const r = await receiveIntoLibrary(library, '../x.txt', Readable.from([Buffer.from('x')]));
    expect(r).toMatchObject({ ok: false, refusal: { reason: 'bad-name' } });
    expect(() => names()).toThrow();
  });
});

describe('upload names', () => {
  it('takes a plain name of a readable format', () => {
    expect(uploadNameRefusal('Moby Dick.epub')).toBeNull();
    expect(uploadNameRefusal('notes.MD')).toBeNull();
  });

  it('refuses separators, dot-dot, NUL, control characters, hidden names and other formats', () => {
    for (const name of ['../x.txt', 'a/b.txt', 'a\\b.txt', '..', 'a\0.txt', 'a\n.txt', '.hidden.txt', '', 'run.exe', 'x.txt.sh']) {
      expect(uploadNameRefusal(name), JSON.stringify(name)).not.toBeNull();
    }
    expect(uploadNameRefusal(`${'a'.repeat(300)}.txt`)?.reason).toBe('bad-name');
  });
});

describe('upload names, for any string', () => {
  it('accepts only a name that stays one entry of the library folder, and never throws', () => {
    const pieces = fc.constantFrom('a', '.', '..', '/', '\\', '\0', '\n', ' ', 'é', '.md', '.txt', '.epub', '.exe', '%2F');
    const names = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(names, (name) => {
        if (uploadNameRefusal(name) !== null) return;
        expect(basename(name)).toBe(name);
        expect(resolve('/lib', name)).toBe(`/lib/${name}`);
        expect(name).not.toMatch(/[\0/\\]|^\./u);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the formats the pickers offer', () => {
  it('are each read by the importers as the format they are listed under', () => {
    for (const format of ARTICLE_FORMATS) for (const ext of FORMAT_EXTENSIONS[format]) expect(formatOf(`a${ext}`), ext).toBe(format);
  });
});

describe('clash names and same bytes', () => {
  it('numbers the name before its extension', () => {
    const it = clashNames('a.b.md');
    expect([it.next().value, it.next().value, it.next().value]).toEqual(['a.b.md', 'a.b (2).md', 'a.b (3).md']);
  });

  it('tells files of the same size apart by their bytes', async () => {
    const a = source('a.txt', Buffer.alloc(3_000_000, 0x61));
    const b = source('b.txt', Buffer.concat([Buffer.alloc(2_999_999, 0x61), Buffer.from('b')]));
    const c = source('c.txt', Buffer.alloc(3_000_000, 0x61));
    expect(await isSameFile(a, b)).toBe(false);
    expect(await isSameFile(a, c)).toBe(true);
  });
});
