import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryHits } from './article.ts';
import type { Block } from '../../common/blocks.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';
import { blockText } from '../../common/blocks.ts';

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  // Fragments inside words come from the library's vocabulary.
  lib.write('reader.txt', 'Readers\n\nAn unaffected reader.');
  syncFolders(lib.db, [{ key: 'k', root: join(lib.dir, 'articles') }]);
});
afterAll(() => lib.cleanup());

const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] }) as Block;
const marked = (blocks: Block[], q: string) =>
  queryHits(lib.db, blocks, q).map((h) => `${h.block}:${blockText(blocks[h.block]!).slice(h.start, h.end)}`);

describe('queryHits', () => {
  const filler = 'Plain words about rivers and hills, nothing more to see in this line of text. ';
  const sample = [para('The Café opened early.'), para(filler.repeat(3)), para('A cafe, two CAFES and a cafeteria.')];

  it('marks the same words in a long article as in a short one', () => {
    const short = marked(sample, 'cafe');
    // Past the long-article bound the blocks are scanned with the needle regex first.
    const long = [...sample, ...Array.from({ length: 800 }, () => para(filler)), ...sample];
    const longHits = marked(long, 'cafe');
    expect(short).toEqual(['0:Café', '2:cafe', '2:CAFES', '2:cafeteria']);
    expect(longHits.slice(0, 4)).toEqual(short);
    expect(longHits.slice(4).map((h) => h.replace(/^\d+/u, ''))).toEqual(short.map((h) => h.replace(/^\d+/u, '')));
  });

  it('falls back to fragments inside words when no whole word is there, in long articles too', () => {
    const long = [...Array.from({ length: 800 }, () => para(filler)), para('An unaffected reader.')];
    expect(marked(long, 'affect')).toEqual(['800:unaffected']);
    expect(marked([para('An unaffected reader.')], 'affect')).toEqual(['0:unaffected']);
  });
});
