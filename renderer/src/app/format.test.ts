import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatNumber, progressLabel, readingTime } from './format';

describe('formatDate', () => {
  it('formats a full date in UTC, so the day never shifts', () => {
    expect(formatDate('2023-04-28', 'en-GB')).toBe('28 Apr 2023');
  });

  it('formats a year-month or a year alone', () => {
    expect(formatDate('2023-04', 'en-GB')).toBe('Apr 2023');
    expect(formatDate('2023', 'en-GB')).toBe('2023');
  });

  it('returns an unknown format unchanged and nothing for no date', () => {
    expect(formatDate('Spring 2020')).toBe('Spring 2020');
    expect(formatDate(null)).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands as the reader’s locale does', () => {
    expect(formatNumber(3000, 'en-US')).toBe('3,000');
    expect(formatNumber(3000, 'de-DE')).toBe('3.000');
    expect(formatNumber(1234567, 'fr-FR')).toBe('1\u202f234\u202f567');
    expect(formatNumber(999, 'de-DE')).toBe('999');
  });
});

describe('formatCount', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(formatCount(1, 'result', undefined, 'en-US')).toBe('1 result');
    expect(formatCount(294, 'result', undefined, 'en-US')).toBe('294 results');
    expect(formatCount(0, 'result', undefined, 'en-US')).toBe('0 results');
    expect(formatCount(10000, 'article', undefined, 'en-US')).toBe('10,000 articles');
  });

  it('writes the count in the reader’s locale', () => {
    expect(formatCount(3000, 'article', undefined, 'de-DE')).toBe('3.000 articles');
  });
});

describe('progressLabel', () => {
  it('says nothing for an unopened article and "Finished" near the end', () => {
    expect(progressLabel(null)).toBeNull();
    expect(progressLabel(0.99)).toBe('Finished');
  });

  it('rounds to a whole percentage, at least 1%', () => {
    expect(progressLabel(0.424)).toBe('42% read');
    expect(progressLabel(0)).toBe('1% read');
  });
});

describe('readingTime', () => {
  it('is at least one minute', () => {
    expect(readingTime(10)).toBe('1 min read');
    expect(readingTime(2300)).toBe('10 min read');
  });
});
