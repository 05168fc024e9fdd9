import { fold } from './fold.ts';

/**
 * Regular-expression sources that find a folded word in unfolded text: each letter also matches every
 * character that folds to it ("cafe" finds "Café", "CAFÉ" and "cafe\u0301"; "豈" finds U+F900), so hits
 * can be located with one native regex scan instead of tokenizing and folding every word.
 * The table is built once, on first use, from fold() itself, so the two cannot disagree.
 */

/**
 * Every range holding a character that fold() maps to a different single one (accented letters,
 * capitals, compatibility ideographs, singletons such as U+212B), found by folding all of Unicode:
 * foldPattern.test.ts does that and fails if a character outside these ranges has a variant.
 * Folding only these 4,544 code points, not the whole BMP, builds the table in about 5 ms instead of
 * 50: the cost of every process's first search (a CLI call is one).
 */
export const RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x0556], // Latin-1 to Armenian
  [0x10a0, 0x10cd], // Georgian
  [0x13a0, 0x13f5], // Cherokee
  [0x1c89, 0x1cbf], // Cyrillic Extended-C, Georgian Mtavruli
  [0x1e00, 0x2001], // Latin Extended Additional, Greek Extended, spaces
  [0x2126, 0x2183], // letterlike symbols, number forms
  [0x2329, 0x232a], // angle brackets
  [0x24b6, 0x24cf], // circled capitals
  [0x2c00, 0x2cf2], // Glagolitic, Latin Extended-C, Coptic
  [0xa640, 0xa7f5], // Cyrillic Extended-B, Latin Extended-D
  [0xf900, 0xfad9], // CJK compatibility ideographs
  [0xff21, 0xff3a], // fullwidth capitals
  [0x10400, 0x10595], // Deseret, Osage, Vithkuqi
  [0x10c80, 0x10d65], // Old Hungarian, Garay
  [0x118a0, 0x118bf], // Warang Citi
  [0x16e40, 0x16eb8], // Medefaidrin, Beria Erfe
  [0x1e900, 0x1e921], // Adlam
  [0x2f800, 0x2fa1d], // CJK compatibility ideographs supplement
];

let classes: Map<string, string> | null = null;

function variantsOf(): Map<string, string> {
  if (classes) return classes;
  const map = new Map<string, string>();
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = fold(ch);
      if (base !== ch && [...base].length === 1) map.set(base, (map.get(base) ?? '') + ch);
    }
  }
  // ASCII capitals too, so the patterns need no case-insensitive flag (slow on large Unicode classes).
  for (let cp = 0x41; cp <= 0x5a; cp++) {
    const upper = String.fromCharCode(cp);
    map.set(upper.toLowerCase(), (map.get(upper.toLowerCase()) ?? '') + upper);
  }
  classes = map;
  return classes;
}

/** The table foldedPattern uses: each folded character → the characters that fold to it (exported for its test). */
export const foldVariants = (): ReadonlyMap<string, string> => variantsOf();

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
