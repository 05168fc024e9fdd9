import { describe, expect, it } from 'vitest';
import { COLLATION_TITLES } from '../testing.ts';
import { titleCollation } from './collation.ts';

const byKey = (key: (s: string) => string) => (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

describe('title sort keys', () => {
  it.each(['en', 'de', 'fr', 'da', 'sv', 'pl', 'tr', 'is'])('sort in binary order as Intl.Collator sorts in %s', (locale) => {
    const { key } = titleCollation(locale);
    expect([...COLLATION_TITLES].sort(byKey(key))).toEqual([...COLLATION_TITLES].sort(new Intl.Collator(locale).compare));
  });

  it('put Æ with the a’s and Þ after z in English, and Æ, Ø and Å after z in Danish', () => {
    const en = [...COLLATION_TITLES].sort(byKey(titleCollation('en').key));
    expect(en.indexOf('Ægir')).toBeLessThan(en.indexOf('Zebra'));
    expect(en.indexOf('Þór')).toBeGreaterThan(en.indexOf('Zurich'));
    const da = [...COLLATION_TITLES].sort(byKey(titleCollation('da').key));
    expect(da.indexOf('Ålesund')).toBeGreaterThan(da.indexOf('Zurich'));
  });
});
