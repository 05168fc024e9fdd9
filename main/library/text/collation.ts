/**
 * Sort keys for titles, in the reader's alphabet: a key's plain binary order (SQLite's, on the stored
 * string) is the order of Intl.Collator for the locale, so "By title" pages in SQL and still puts Ægir
 * with the a's and Þór after Zebra, where the folded title_key put Æ, Ø, Œ, Þ, ß and ł after z.
 *
 * JavaScript has no collation keys (ICU's getSortKey is not exposed), so the key is built from what
 * the collator itself says, level by level as it compares:
 *  1. primary: each character's letter, learned from the collator at base strength: a letter equal to
 *     one or two ASCII letters is written as them (é → e, ł → l, æ → ae, ß → ss); any other takes its
 *     place in a reference alphabet (Latin, Greek, Cyrillic, punctuation and digits) sorted once by
 *     the collator (þ after z, ı after i), coded from U+0100 up; characters outside it follow, in code
 *     point order;
 *  2. accents, position by position (none before any);
 *  3. case and variants (lower before upper, or as the locale has it; a ligature after its letters).
 * Levels are separated by U+0001, below every code used, so a shorter key sorts first at each level.
 */

/** Goes up when the keys change, so stored ones are made again (db/sortKeys.ts). */
export const COLLATION_VERSION = '1';

const LEVEL = '\u0001';
/** Primary codes: one character each, above the separators, in the collator's order. */
const CODE_BASE = 0x100;
const ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function referenceAlphabet(): string[] {
  const chars: string[] = [];
  const add = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      if (/^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u.test(ch)) chars.push(ch);
    }
  };
  add(0x20, 0x7e);
  add(0xa0, 0x24f);
  add(0x370, 0x3ff);
  add(0x400, 0x4ff);
  add(0x2010, 0x2027);
  return chars;
}

export interface TitleCollation {
  locale: string;
  key: (title: string) => string;
}

/** The sort keys of one locale (the UI's; undefined: this runtime's default). */
export function titleCollation(locale?: string): TitleCollation {
  const full = new Intl.Collator(locale);
  const base = new Intl.Collator(locale, { sensitivity: 'base' });
  const resolved = full.resolvedOptions().locale;
  // Lower case first, as most locales; Danish puts upper case first.
  const upperFirst = full.compare('A', 'a') < 0;

  // Each reference character's primary rank: equal at base strength, equal rank.
  const asLetters = new Map<string, string>();
  const singles: string[] = [];
  for (const ch of referenceAlphabet()) {
    const letters = letterSpelling(ch, base);
    if (letters !== null) asLetters.set(ch, letters);
    else singles.push(ch);
  }
  singles.sort(base.compare);
  const rank = new Map<string, number>();
  let r = 0;
  singles.forEach((ch, i) => {
    if (i > 0 && base.compare(singles[i - 1]!, ch) !== 0) r++;
    rank.set(ch, r);
  });
  const lastCode = CODE_BASE + r;
  const primaryOf = new Map<string, string>();
  const primary = (ch: string): string => {
    let code = primaryOf.get(ch);
    if (code !== undefined) return code;
    const letters = asLetters.get(ch) ?? (rank.has(ch) ? null : letterSpelling(ch, base));
    if (letters !== null) code = [...letters].map((l) => String.fromCharCode(CODE_BASE + rank.get(l)!)).join('');
    else if (rank.has(ch)) code = String.fromCharCode(CODE_BASE + rank.get(ch)!);
    else {
      // Outside the reference alphabet (Hebrew, Arabic, CJK…): after all of it, in code point order,
      // each as itself; the few below the last reference code (IPA letters) just after it.
      const cp = ch.codePointAt(0)!;
      code = cp > lastCode ? ch : String.fromCharCode(lastCode + 1);
    }
    primaryOf.set(ch, code);
    return code;
  };

  const key = (title: string): string => {
    let p = '';
    let accents = '';
    let cases = '';
    // Each character as written (NFC) with any marks left after it: the character gives the letter
    // (å is a letter of its own in Danish, an a with a ring in English), its accents the second level.
    for (const [, ch = '', written = ''] of title.normalize('NFC').matchAll(/(\P{M})(\p{M}*)/gu)) {
      // Lower case may add a mark (İ is i with a dot above): the letter is the first character.
      const [lower = '', ...added] = ch.toLowerCase().normalize('NFC');
      const extra = added.join('') + written;
      const elements = [...primary(lower)];
      const spelled = asLetters.has(lower) || (!rank.has(lower) && letterSpelling(lower, base) !== null);
      // An accent on a letter spelled as an ASCII one: its marks (é), or the letter itself when it has none (ł, ø).
      const marks = spelled && elements.length === 1 ? lower.normalize('NFD').replace(/^\P{M}/u, '') || lower : '';
      // Per element of the primary, as the collator compares: æ is two (a, e), each a variant of its letter.
      const isUpper = ch !== lower;
      const caseCode = (isUpper !== upperFirst ? 1 : 0) + (elements.length > 1 ? 2 : 0);
      elements.forEach((e, i) => {
        p += e;
        accents += `${i === 0 ? marks + extra : ''}\u0002`;
        cases += String.fromCharCode(2 + caseCode);
      });
    }
    return `${p}${LEVEL}${accents}${LEVEL}${cases}`;
  };
  return { locale: resolved, key };
}

/** The one or two ASCII letters a character equals at base strength (é → e, æ → ae), or null. */
function letterSpelling(ch: string, base: Intl.Collator): string | null {
  // Only Latin letters are spelled with ASCII ones; the rest (and digits, and punctuation) are their own.
  if (/^[a-z]$/u.test(ch) || !/^\p{Script=Latin}$/u.test(ch)) return null;
  for (const l of ASCII_LETTERS) if (base.compare(ch, l) === 0) return l;
  // A pair counts only where the locale reads it as its two letters: Danish reads "aa" as å, after z.
  for (const a of ASCII_LETTERS)
    for (const b of ASCII_LETTERS) if (base.compare(ch, a + b) === 0) return base.compare(a + b, `${a}z`) <= 0 ? a + b : null;
  return null;
}

let runtimeDefault: TitleCollation | null = null;

/** The keys of this runtime's locale, made once per process (sorting the reference alphabet takes ~30 ms). */
export function defaultCollation(): TitleCollation {
  return (runtimeDefault ??= titleCollation());
}
