import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { densestHit, getArticle, openingPart, queryHits } from './article.ts';
import { readHandlers } from './reads.ts';
import type { Block } from '../../common/blocks.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';
import { blockText } from '../../common/blocks.ts';

let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  // Fragments inside words come from the library's vocabulary.
  lib.write('reader.txt', 'Readers\n\nAn unaffected reader.');
  lib.write(
    'monarch.md',
    '# Butterflies\n\nThe monarch is a butterfly.\n\nRivers and hills.\n\nEach winter the monarch butterflies fly to Mexico, where millions spend the winter in the forests.',
  );
  // Over 50,000 characters: long enough that hits are first looked up in the index.
  const filler = Array.from({ length: 700 }, (_, i) => `Paragraph ${i} tells of quiet harbours and lanterns.`).join('\n\n');
  lib.write('almanac.txt', `Almanac of Kaleidoscopes\n\n${filler}\n\nAt the very end, a cormorant.\n`);
  syncFolders(lib.db, [{ key: 'k', root: join(lib.dir, 'articles') }]);
});
afterAll(() => lib.cleanup());

const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] }) as Block;
const marked = (blocks: Block[], q: string) =>
  queryHits(lib.db, blocks, q).map((h) => `${h.block}:${blockText(blocks[h.block]!).slice(h.start, h.end)}`);

describe('the hits of a long article', () => {
  const almanac = () => (lib.db.prepare("SELECT id FROM articles WHERE title LIKE 'Almanac%'").get() as { id: string }).id;
  const texts = (q: string) => {
    const a = getArticle(lib.db, almanac(), q)!;
    return a.hits.map((h) => `${h.block}:${blockText(a.blocks[h.block]!).slice(h.start, h.end)}`);
  };

  it('has none for words only in its title, and the body’s own for words in it', () => {
    expect(texts('kaleidoscopes')).toEqual([]);
    expect(texts('almanac cormorant')).toEqual(['700:cormorant']);
    expect(texts('lantern')).toHaveLength(700);
  });

  it('still marks a fragment found only inside a word of the body', () => {
    expect(texts('morant')).toEqual(['700:cormorant']);
  });

  it('opens with the blocks around its best hit, or around where it was left, and sends the rest apart', () => {
    const whole = getArticle(lib.db, almanac())!;
    expect(whole).toMatchObject({ blockCount: 701, firstBlock: 0 });
    const atHit = openingPart(getArticle(lib.db, almanac(), 'cormorant')!, 20);
    expect(atHit).toMatchObject({ blockCount: 701, firstBlock: 692 });
    expect(atHit.blocks).toEqual(whole.blocks.slice(692, 701));
    expect(atHit.hits).toEqual([expect.objectContaining({ block: 700 })]);
    const atSaved = openingPart(whole, 300);
    expect(atSaved.firstBlock).toBe(292);
    expect(atSaved.blocks).toEqual(whole.blocks.slice(292, 360));
    const deps = { indexDb: lib.db, userDb: lib.db, bundled: null };
    const rest = readHandlers['article.blocks']({ id: almanac(), from: 0, to: 701 }, deps);
    expect(rest.blocks).toEqual(whole.blocks);
  });

  it('is sent whole when it is short', () => {
    const id = (lib.db.prepare("SELECT id FROM articles WHERE title = 'Butterflies'").get() as { id: string }).id;
    const a = getArticle(lib.db, id, 'winter')!;
    expect(openingPart(a, null)).toBe(a);
  });
});

describe('the best passage', () => {
  const hit = (block: number, start: number, word: number) => ({ block, start, end: start + 4, term: 0, word });

  it('is where the most distinct query words stand close together, not the first hit', () => {
    const hits = [hit(0, 0, 0), hit(1, 10, 0), hit(2, 5, 0), hit(2, 40, 1), hit(2, 90, 2)].map((h, i) => ({ ...h, term: i }));
    expect(densestHit(hits)).toBe(2);
  });

  it('takes the earliest of equal passages, and 0 without hits', () => {
    expect(densestHit([hit(0, 0, 0), hit(3, 0, 0)])).toBe(0);
    expect(densestHit([])).toBe(0);
  });

  it('opens an article found by a question at the passage that answers it', () => {
    const id = (lib.db.prepare("SELECT id FROM articles WHERE title = 'Butterflies'").get() as { id: string }).id;
    const a = getArticle(lib.db, id, 'monarch butterflies winter mexico')!;
    const best = a.hits[a.bestHit]!;
    expect(a.bestHit).toBeGreaterThan(0);
    expect(blockText(a.blocks[best.block]!)).toMatch(/^Each winter the monarch butterflies fly to Mexico/u);
  });
});

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
