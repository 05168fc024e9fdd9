import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText } from '../../../common/blocks.ts';
import { getArticle } from '../article.ts';
import { searchArticles } from '../search.ts';
import { documentId, syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { importBytes } from './importFile.ts';
import { savedBySingleFile } from './singleFile.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/saved-pages/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(`${fixtures}${name}`);

function imported(name: string, bytes: Uint8Array = fixture(name)) {
  const result = importBytes(name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.reason}`);
  return result.doc;
}

describe("SingleFile's comment", () => {
  it('gives the url and the day as the saver wrote it, not moved to UTC', () => {
    expect(
      savedBySingleFile(
        '\n Page saved with SingleFile \n url: https://example.org/a?b=1 \n saved date: Tue Sep 22 2026 01:39:42 GMT+0900 (日本標準時)\n',
      ),
    ).toEqual({ url: 'https://example.org/a?b=1', savedDate: '2026-09-22' });
  });

  it('reads the legacy header, and an info line after the date', () => {
    expect(
      savedBySingleFile(
        '\n Archive processed by SingleFile \n url: https://example.org/ \n saved date: Sun Nov 27 2016 02:33:42 GMT-0500 (EST) \n info: notes\n',
      ),
    ).toEqual({ url: 'https://example.org/', savedDate: '2016-11-27' });
  });

  it('reads a comment saved without its date', () => {
    expect(savedBySingleFile('\n Page saved with SingleFile \n url: https://example.org/ \n')).toEqual({
      url: 'https://example.org/',
      savedDate: null,
    });
  });

  it('is not fooled by a comment that only mentions SingleFile', () => {
    expect(savedBySingleFile(' This page was not saved with SingleFile \n url: https://example.org/ ')).toBeNull();
    expect(savedBySingleFile('')).toBeNull();
  });
});

describe('a page saved by SingleFile (single-file-cli with Chromium)', () => {
  it('takes title, source and the saved date, since the page has no date of its own', () => {
    expect(imported('singlefile-wikipedia-nodejs.html')).toMatchObject({
      title: 'Node.js - Wikipedia',
      author: null,
      date: '2026-12-01',
      source: 'http://127.0.0.1:8765/Node.js%20-%20Wikipedia.html',
      format: 'html',
    });
  });
});

describe('a page made here in SingleFile’s layout', () => {
  const doc = imported('singlefile-made-here-harbour-light.html');

  it('takes title, author, source and date', () => {
    expect(doc).toMatchObject({
      title: 'The Harbour Light | Harbour Notes',
      author: 'Ines Calloway',
      date: '2024-03-06',
      source: 'https://harbour-notes.example.org/2024/the-harbour-light',
    });
  });

  it('reads the article, not the navigation or the footer', () => {
    const text = doc.blocks.map(blockText).join('\n');
    expect(text).toContain('ninety-one steps');
    expect(text).not.toContain('Archive');
  });
});

describe('a SingleFile page with a date of its own', () => {
  it('keeps the page’s date over the day it was saved', () => {
    const page = `<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://example.org/story \n saved date: Wed Mar 06 2024 21:14:09 GMT+0100\n--><meta charset=utf-8><title>Story</title><meta property="article:published_time" content="2019-05-04T08:00:00Z"><body><p>Dated story.</p>`;
    expect(imported('story.html', Buffer.from(page))).toMatchObject({ date: '2019-05-04', source: 'https://example.org/story' });
  });

  it('ignores a SingleFile-like comment deep in the body', () => {
    const page = `<html><head><title>Quoted</title></head><body><div><p>Text.</p><!--\n Page saved with SingleFile \n url: https://elsewhere.example/ \n saved date: Wed Mar 06 2024\n--></div></body></html>`;
    expect(imported('quoted.html', Buffer.from(page))).toMatchObject({ date: null, source: null });
  });
});

describe('SingleFile pages in a folder', () => {
  let lib: TempLibrary;
  beforeAll(() => {
    lib = tempLibrary();
    for (const name of ['singlefile-wikipedia-nodejs.html', 'singlefile-made-here-harbour-light.html']) lib.write(name, fixture(name));
    lib.write('notes/light.md', '# Lights\n\nA note on harbour lights and steps, without the phrase.');
    syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
  });
  afterAll(() => lib.cleanup());

  it('finds each first by a phrase from the middle of its body, and opens at the hit', () => {
    expect(searchArticles(lib.db, '"nobody dared to open it without the engineer"').results.map((r) => r.title)).toEqual([
      'The Harbour Light | Harbour Notes',
    ]);
    expect(searchArticles(lib.db, '"Node.js was originally written by Ryan Dahl in 2009"').results[0]?.title).toBe('Node.js - Wikipedia');
    const article = getArticle(lib.db, documentId('f', 'singlefile-made-here-harbour-light.html'), '"nobody dared to open it"');
    expect(blockText(article!.blocks[article!.hits[0]!.block]!)).toContain('The lens itself came by ship in 1911');
  });
});
