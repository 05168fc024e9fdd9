/**
 * Edit distance for typo corrections. Words are compared as the index folds them (lower case, accents
 * removed), so an accent is never an edit. Only alphabetic scripts with short words get corrections:
 * a CJK query is already matched character by character.
 */

/** Scripts whose words get corrections. */
const CORRECTABLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+$/u;

/** Words this long or longer are not stored with their deletions (rare, and each costs its length in rows). */
const MAX_STORED = 24;

/** How many edits a query word of this many letters may be away from its correction: 1 for 4–7 letters, 2 from 8, none below 4. */
export function allowedEdits(word: string): 0 | 1 | 2 {
  const n = [...word].length;
  // Past the longest stored word plus two edits nothing can be near (and the deletions to look up grow as n²).
  if (n < 4 || n > MAX_STORED + 1 || !CORRECTABLE.test(word)) return 0;
  return n >= 8 ? 2 : 1;
}

/** Whether a vocabulary word is stored with its one-letter deletions (see migration 003). */
export function isCorrectable(word: string): boolean {
  const n = [...word].length;
  return n >= 4 && n < MAX_STORED && CORRECTABLE.test(word);
}

/** Every distinct form of `word` with one letter deleted (by code point); none for words that get no corrections. */
export function deletesOf(word: string): string[] {
  if (!isCorrectable(word)) return [];
  return oneDeletes(word);
}

export function oneDeletes(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring):
 * insertions, deletions, substitutions and adjacent transpositions each count 1. Stops early and
 * returns max + 1 once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[y.length]!, max + 1);
}
