import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineText, type Block } from '../../../common/blocks.ts';
import { importBytes } from './importFile.ts';
import { importTxt } from './txt.ts';

/** The article's headings as "level text", a line break inside one read as " / ". */
function headingsOf(source: string): string[] {
  const result = importTxt(source, 'x');
  if (!result.ok) throw new Error(result.error.reason);
  return result.doc.blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading')
    .map((b) => `${b.level} ${inlineText(b.children).replace(/\n/gu, ' / ')}`);
}

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/plain-text/${name}`, import.meta.url), 'utf8');
const PROSE = 'The council met on Tuesday evening to discuss the new library building, and residents spoke.';
/** An article of the given one-line paragraphs, each followed by a paragraph of prose. */
const sections = (...titles: string[]): string => `Title\n\n${PROSE}\n\n${titles.map((t) => `${t}\n\n${PROSE}`).join('\n\n')}\n`;

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

describe('importTxt headings', () => {
  it('reads the sections of a Wikipedia plain-text extract from its == lines, each split off its first paragraph', () => {
    const source = fixture('wikipedia-sections.txt');
    expect(headingsOf(source)).toEqual(['2 Description', '2 Tools', '2 Variations', '2 See also', '2 References', '2 External links']);
    const result = importTxt(source, 'x');
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.doc.title).toBe('Pomodoro Technique');
    const tools = result.doc.blocks.findIndex((b) => b.type === 'heading' && inlineText(b.children) === 'Tools');
    const next = result.doc.blocks[tools + 1]!;
    expect(next.type === 'paragraph' && inlineText(next.children)).toMatch(
      /^The creator and his proponents encourage a low-tech approach/u,
    );
  });

  it('reads the chapter titles of a Project Gutenberg book, a label and its title on two lines', () => {
    const result = importTxt(fixture('gutenberg-chapters.txt'), 'x');
    if (!result.ok) throw new Error(result.error.reason);
    expect([result.doc.title, result.doc.author]).toEqual(['Alice’s Adventures in Wonderland', 'Lewis Carroll']);
    expect(headingsOf(fixture('gutenberg-chapters.txt'))).toEqual([
      '2 THE MILLENNIUM FULCRUM EDITION 3.0',
      '2 Contents',
      '2 CHAPTER I. / Down the Rabbit-Hole',
      '2 CHAPTER II. / The Pool of Tears',
      '2 CHAPTER III. / A Caucus-Race and a Long Tale',
    ]);
  });

  it('takes === runs for deeper levels, and an unbalanced line for text', () => {
    expect(headingsOf(`Title\n\nLead.\n\n== Life ==\nBorn.\n\n=== Early life ===\nSchool.\n\n== Work =\nDone.`)).toEqual([
      '2 Life',
      '3 Early life',
    ]);
  });

  it('reads == headings in a text with one paragraph per line too, and strips them off a title', () => {
    expect(headingsOf('= Pomodoro =\nLead sentence.\n== Tools ==\nA timer.')).toEqual(['2 Tools']);
    expect(importTxt('= Pomodoro =\nLead sentence.', 'x')).toMatchObject({ doc: { title: 'Pomodoro' } });
  });

  it('reads underlined headings, and skips the underline of the title', () => {
    const result = importTxt('Offprint\n========\n\nA reader.\n\nInstallation\n------------\n\nRun it.', 'x');
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.doc.title).toBe('Offprint');
    expect(result.doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('takes short lines alone between blank lines for headings when there are three of them', () => {
    expect(headingsOf(sections('History', 'Early life and education', 'Reception'))).toEqual([
      '2 History',
      '2 Early life and education',
      '2 Reception',
    ]);
  });

  it('takes two such lines for paragraphs: a caption and a sign-off are as likely as a contents list of two', () => {
    expect(headingsOf(sections('History', 'Reception'))).toEqual([]);
  });

  it('never guesses headings in a text with one paragraph per line', () => {
    expect(headingsOf(`Title\n${PROSE}\nHistory\n${PROSE}\nReception\n${PROSE}\nLegacy\n${PROSE}`)).toEqual([]);
  });

  it('never guesses headings in an Aozora text, whose blank lines part sections of one-line paragraphs', () => {
    const aozora =
      '文鳥\n夏目漱石\n\n　十月｜早稲田《わせだ》に移る。\n\n一\n\n　伽藍のような書斎に。\n\n二\n\n　文鳥を飼う。\n\n三\n\n　寒い。';
    expect(headingsOf(aozora)).toEqual([]);
  });

  it('takes a row of three or more short lines for a list, not headings', () => {
    const list = `Title\n\n${PROSE}\n\nFlour\n\nSugar\n\nButter\n\nEggs\n\n${PROSE}\n\nMilk\n\nSalt\n\nYeast\n\n${PROSE}\n`;
    expect(headingsOf(list)).toEqual([]);
  });

  it('takes a short line with nothing after it for a sign-off, and a repeated one for boilerplate', () => {
    expect(headingsOf(`${sections('History', 'Reception')}\nThe End\n`)).toEqual([]);
    expect(headingsOf(sections('Advertisement', 'History', 'Advertisement', 'Reception'))).toEqual([]);
  });

  it('takes a signature before a chapter label for the end of the chapter, not a heading', () => {
    const letters = `Title\n\n${PROSE}\n\nLetter 1\n\n${PROSE}\n\nR. Walton\n\nLetter 2\n\n${PROSE}\n\nLetter 3\n\n${PROSE}\n`;
    expect(headingsOf(letters)).toEqual(['2 Letter 1', '2 Letter 2', '2 Letter 3']);
  });

  it('takes no line inside an illustration note that spans blank lines for a heading', () => {
    const noted = `${sections('History', 'Reception', 'Legacy')}\n[Illustration:\n\nMrs. Bennet\n\n]\n\n${PROSE}\n`;
    expect(headingsOf(noted)).toEqual(['2 History', '2 Reception', '2 Legacy']);
  });

  it('takes an indented line for a code sample, and a centred one for a title', () => {
    expect(headingsOf(sections('    make install', '    make check', '    make clean'))).toEqual([]);
    expect(headingsOf(sections('                 History', '                 Reception', '                 Legacy'))).toHaveLength(3);
  });

  it('keeps a short article’s one short line as a paragraph', () => {
    const result = importTxt(`Title\n\n${PROSE}\n\nUpdate\n\n${PROSE}\n`, 'x');
    expect(result.ok && result.doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('reads the seed article without headings: its one short line is an author box, its last a link', () => {
    expect(headingsOf(readFileSync(new URL('../../../content/000_4f740f377fd89885.txt', import.meta.url), 'utf8'))).toEqual([]);
  });

  it('reads fifty thousand sections and a line of a million = in one pass, where quadratic work would not finish', () => {
    const many = Array.from({ length: 50_000 }, (_, k) => `Section ${k}\n\n${PROSE}`).join('\n\n');
    const source = `Title\n\n${'='.repeat(1_000_000)}\n\n== ${'a '.repeat(500_000)}==\n\n${many}\n`;
    const headings = headingsOf(source);
    expect(headings).toHaveLength(50_000);
    expect(headings.at(-1)).toBe('2 Section 49999');
  });
});
