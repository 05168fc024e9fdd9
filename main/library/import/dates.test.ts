import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDate, parseDateLine } from './dates.ts';

describe('parseDateLine', () => {
  it.each([
    ['2023-04-28', '2023-04-28'],
    ['2023-04-28T10:15:00Z', '2023-04-28'],
    ['2023-04-28 10:15:00+02:00', '2023-04-28'],
    ['April 28, 2023', '2023-04-28'],
    ['Apr. 28 2023', '2023-04-28'],
    ['Sept 3rd, 2021', '2021-09-03'],
    ['Friday, January 4, 2019', '2019-01-04'],
    ['28 April 2023', '2023-04-28'],
    ['Tue 1st March, 2022', '2022-03-01'],
    ['2023年4月28日', '2023-04-28'],
    ['  April\u00a028,\u00a02023  ', '2023-04-28'],
  ])('reads %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    '2023-02-29',
    '2023-13-01',
    '2023-00-10',
    'February 30, 2024',
    '0999-01-01',
    'April 2023',
    'By April 28, 2023',
    'Updated April 28, 2023 at noon, local time in the city',
  ])('rejects %j, which is not a whole, real date', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDateLine('2024-02-29')).toBe('2024-02-29');
    expect(parseDateLine('1900-02-29')).toBeNull();
    expect(parseDateLine('2000-02-29')).toBe('2000-02-29');
  });

  it('returns a real YYYY-MM-DD date or null for any line, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (line) => {
        const out = parseDateLine(line);
        if (out === null) return;
        expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
        expect(new Date(`${out}T00:00:00Z`).toISOString().slice(0, 10)).toBe(out);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('reads every real date written as ISO or as "Month D, YYYY"', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateLine(iso)).toBe(iso);
        expect(parseDateLine(`${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`)).toBe(iso);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('normalizeDate', () => {
  it('reads a Date object, as YAML gives for an unquoted date', () => {
    expect(normalizeDate(new Date('2019-01-04T00:00:00Z'))).toBe('2019-01-04');
  });

  it('reads a date at the start of a longer timestamp', () => {
    expect(normalizeDate('2021-03-05T10:00:00.000+01:00')).toBe('2021-03-05');
    expect(normalizeDate('2021-03-05 whatever follows')).toBe('2021-03-05');
  });

  it('returns null for numbers, invalid dates and nonsense', () => {
    expect(normalizeDate(20190104)).toBeNull();
    expect(normalizeDate(new Date('nope'))).toBeNull();
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2021-02-30T00:00:00Z')).toBeNull();
  });
});
