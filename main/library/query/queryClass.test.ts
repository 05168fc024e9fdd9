import { describe, expect, it } from 'vitest';
import { queryClass } from './queryClass.ts';

describe('queryClass', () => {
  it.each([
    ['', 'empty'],
    ['shanghai', 'single'],
    ['e-mail', 'compound'],
    ['einstein relativity', '2 words'],
    ['"united states"', 'phrase'],
    ['author:wilde', 'field'],
    ['heron -otter', 'exclusion'],
    ['how many monarch butterflies spent the winter in mexico this year', 'question'],
  ])('names %j %j', (q, cls) => {
    expect(queryClass(q)).toBe(cls);
  });
});
