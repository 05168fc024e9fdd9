import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../common/contract';
import { tocEntries } from './toc';

const article = (blocks: Article['blocks']): Article => ({
  id: 'a',
  path: '/a.md',
  folder: 'f',
  locations: ['/a.md'],
  title: 'T',
  author: null,
  date: null,
  source: null,
  language: null,
  dir: null,
  tags: [],
  wordCount: 0,
  blocks,
  hits: [],
  bestHit: 0,
  blockCount: blocks.length,
  firstBlock: 0,
});

describe('tocEntries', () => {
  it('lists the headings with their block index, level and plain text', () => {
    const entries = tocEntries(
      article([
        { type: 'paragraph', children: [{ type: 'text', text: 'Intro' }] },
        {
          type: 'heading',
          level: 2,
          children: [
            { type: 'text', text: 'One ' },
            { type: 'emphasis', children: [{ type: 'text', text: 'two' }] },
          ],
        },
        { type: 'heading', level: 3, children: [{ type: 'text', text: ' Three ' }] },
      ]),
    );
    expect(entries).toEqual([
      { block: 1, level: 2, text: 'One two' },
      { block: 2, level: 3, text: 'Three' },
    ]);
  });

  it('lists a heading of two lines as one line', () => {
    const heading = {
      type: 'heading' as const,
      level: 2 as const,
      children: [
        { type: 'text' as const, text: 'CHAPTER I.' },
        { type: 'break' as const },
        { type: 'text' as const, text: 'Down the Rabbit-Hole' },
      ],
    };
    expect(tocEntries(article([heading]))).toEqual([{ block: 0, level: 2, text: 'CHAPTER I. Down the Rabbit-Hole' }]);
  });

  it('is empty for an article without headings', () => {
    expect(tocEntries(article([{ type: 'rule' }]))).toEqual([]);
  });
});
