import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBytes } from './importFile.ts';
import { importTxt } from './txt.ts';

describe('importTxt', () => {
  it('reads the seed article’s title, date, author and paragraphs', () => {
    const bytes = readFileSync(new URL('../../../content/000_4f740f377fd89885.txt', import.meta.url));
    const result = importBytes('000_4f740f377fd89885.txt', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.title).toBe('Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report');
    expect(result.doc.date).toBe('2023-04-28');
    expect(result.doc.author).toBe('Anjali Kochhar');
    expect(result.doc.blocks.length).toBeGreaterThan(10);
    expect(result.doc.blocks[0]).toMatchObject({ type: 'paragraph' });
  });

  it('makes one paragraph per line when the file has no blank lines', () => {
    const result = importTxt('Title\nfirst line\nsecond line', 'x');
    expect(result.ok && result.doc.blocks.length).toBe(2);
  });

  it('joins hard-wrapped lines inside a paragraph', () => {
    const result = importTxt('Title\n\nOne long\nsentence.\n\nNext.', 'x');
    expect(result.ok && result.doc.blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'One long sentence.' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Next.' }] },
    ]);
  });

  it('reads an ISO date line and a By line in either order', () => {
    const result = importTxt('Title\nBy Ada Lovelace\n2024-02-29\n\nBody.', 'x');
    expect(result.ok && [result.doc.author, result.doc.date]).toEqual(['Ada Lovelace', '2024-02-29']);
  });

  it('strips Aozora ruby and notes and takes the author from the second line', () => {
    const result = importTxt('文鳥\n夏目漱石\n\n　十月｜早稲田《わせだ》に移る。伽藍《がらん》のような書斎', 'x');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.author).toBe('夏目漱石');
    expect(JSON.stringify(result.doc.blocks)).toContain('十月早稲田に移る。伽藍のような書斎');
  });
  it('keeps the words around a line of half a million blanks and tabs', () => {
    const result = importTxt(`Title\n\nbefore${' \t'.repeat(500_000)}after   \t\n\nnext`, 'x');
    if (!result.ok) throw new Error(result.error.reason);
    const texts = result.doc.blocks.map((b) => (b.type === 'paragraph' && b.children[0]?.type === 'text' ? b.children[0].text : ''));
    expect(texts.map((t) => [t.slice(0, 6), t.slice(-5), t.length])).toEqual([
      ['before', 'after', 1_000_011],
      ['next', 'next', 4],
    ]);
  });

  it('keeps an Aozora line of a hundred thousand unclosed readings as text', () => {
    const result = importTxt(`文鳥\n\n早稲田《わせだ》に移る。${'《'.repeat(100_000)}終わり`, 'x');
    expect(result.ok && JSON.stringify(result.doc.blocks)).toContain('早稲田に移る。《《《');
  });
});
