import { fold } from './fold.ts';

/**
 * Regular-expression sources that find a folded word in unfolded text: each letter also matches every
 * character that folds to it ("cafe" finds "Café", "CAFÉ" and "cafe\u0301"; "豈" finds U+F900), so hits
 * can be located with one native regex scan instead of tokenizing and folding every word.
 * The table is built once, on first use, from fold() itself, so the two cannot disagree.
 */

/** Where fold() maps one character to a different single one: accents, compatibility ideographs, singletons. */
const RANGES: [number, number][] = [
  [0x0080, 0xffff],
  [0x2f800, 0x2fa1f],
];

let classes: Map<string, string> | null = null;

function variantsOf(): Map<string, string> {
  if (classes) return classes;
  const map = new Map<string, Set<string>>();
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const base = fold(ch);
      if ([...base].length !== 1 || base === ch) continue;
      const set = map.get(base) ?? new Set<string>();
      set.add(ch);
      map.set(base, set);
    }
  }
  // ASCII capitals too, so the patterns need no case-insensitive flag (slow on large Unicode classes).
  for (let cp = 0x41; cp <= 0x5a; cp++) {
    const upper = String.fromCharCode(cp);
    map.set(upper.toLowerCase(), new Set([...(map.get(upper.toLowerCase()) ?? []), upper]));
  }
  classes = new Map([...map].map(([base, set]) => [base, [...set].join('')]));
  return classes;
}

const escape = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/u.test(ch) ? `\\${ch}` : ch);

/** A pattern for one folded character: itself, its accented forms, and any combining marks after it. */
function charPattern(ch: string): string {
  const extra = variantsOf().get(ch);
  const body = extra ? `[${escape(ch)}${[...extra].map(escape).join('')}]` : escape(ch);
  return `${body}\\p{M}*`;
}

/** The source of a regex (use with the `u` flag; no `i` needed) matching `folded` inside unfolded text. */
export function foldedPattern(folded: string): string {
  return [...folded].map(charPattern).join('');
}
