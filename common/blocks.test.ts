import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { blockHref, blockText, fragmentBlock, inlineText, textBetween } from './blocks.ts';

describe('blockText', () => {
  it('concatenates nested inline runs and turns a break into a newline', () => {
    const block: Block = {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'One ' },
        { type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'text', text: 'two' }] }] },
        { type: 'break' },
        { type: 'link', href: 'https://example.org', children: [{ type: 'code', text: 'three()' }] },
      ],
    };
    expect(blockText(block)).toBe('One two\nthree()');
  });

  it('joins list items with a newline', () => {
    const block: Block = { type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] };
    expect(blockText(block)).toBe('a\nb');
  });

  it('uses the caption of a figure, or its alt text when the caption is empty', () => {
    expect(blockText({ type: 'figure', src: 'x.png', alt: 'A cat', caption: [{ type: 'text', text: 'Caption' }] })).toBe('Caption');
    expect(blockText({ type: 'figure', src: 'x.png', alt: 'A cat', caption: [] })).toBe('A cat');
  });

  it('returns the code text for a code block and nothing for a rule', () => {
    expect(blockText({ type: 'code', language: 'ts', text: 'let x = 1;\n' })).toBe('let x = 1;\n');
    expect(blockText({ type: 'rule' })).toBe('');
  });

  it('counts UTF-16 code units so offsets match main', () => {
    expect(inlineText([{ type: 'text', text: '😀a' }]).length).toBe(3);
  });
});

describe('textBetween', () => {
  const texts = ['First block.', '', 'Third block.'];
  it('joins the blocks a range spans with a line break, empty blocks too', () => {
    expect(textBetween(texts, { block: 0, offset: 6 }, { block: 2, offset: 5 })).toBe('block.\n\nThird');
    expect(textBetween(texts, { block: 2, offset: 0 }, { block: 2, offset: 5 })).toBe('Third');
  });

  it('refuses points out of order or outside the text', () => {
    expect(textBetween(texts, { block: 2, offset: 0 }, { block: 0, offset: 5 })).toBeNull();
    expect(textBetween(texts, { block: 0, offset: 0 }, { block: 3, offset: 0 })).toBeNull();
    expect(textBetween(texts, { block: 0, offset: 13 }, { block: 2, offset: 0 })).toBeNull();
  });
});

describe('the text of a table', () => {
  it('joins cells with a tab and rows with a line break', () => {
    const cell = (t: string, header = false) => ({ header, children: [{ type: 'text' as const, text: t }] });
    const table: Block = {
      type: 'table',
      rows: [
        [cell('Year', true), cell('Film', true)],
        [cell('1999'), cell('The Matrix')],
      ],
    };
    expect(blockText(table)).toBe('Year\tFilm\n1999\tThe Matrix');
  });
});

describe('block links', () => {
  it('name a block by its index, and read back only their own form', () => {
    expect(blockHref(42)).toBe('#offprint-block-42');
    expect(fragmentBlock(blockHref(42).slice(1))).toBe(42);
    expect(fragmentBlock('history')).toBeNull();
    expect(fragmentBlock('offprint-block-')).toBeNull();
    expect(fragmentBlock('offprint-block-1x')).toBeNull();
  });
});
