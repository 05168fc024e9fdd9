/**
 * The "typo" query class (issue 13 §3): a word of an entry, misspelled by one or two random edits, and
 * how often each engine still puts that entry in its top 3, misspelled and clean. The bench's own
 * code: nothing here comes from Offprint's correction code, which it measures.
 */
import { pick, type Rng } from './prng.ts';
import type { Query } from './queries.ts';

export const EDIT_KINDS = ['substitution', 'deletion', 'insertion', 'transposition'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Recall is counted in the first this many results. */
export const TOP_K = 3;

/**
 * A clean word must be in at most this many articles of the working set (title or body), so an engine
 * that finds the word as spelled can always put the intended article among the first TOP_K.
 */
export const MAX_DF = 3;

/** The correction budget for a word of `length` letters: 1 edit for 4–7 letters, 2 for 8 or more. */
export const editBudget = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit of `kind` at a random place, or null when the word allows none (a transposition of "aa"). */
function edit(word: string, kind: EditKind, rng: Rng): string | null {
  switch (kind) {
    case 'substitution': {
      const i = pick(rng, word.length);
      let c = LETTERS[pick(rng, LETTERS.length - 1)]!;
      // Draw from the 25 other letters: the 26th stands in for the letter already there.
      if (c === word[i]) c = 'z';
      return word.slice(0, i) + c + word.slice(i + 1);
    }
    case 'deletion': {
      const i = pick(rng, word.length);
      return word.slice(0, i) + word.slice(i + 1);
    }
    case 'insertion': {
      const i = pick(rng, word.length + 1);
      return word.slice(0, i) + LETTERS[pick(rng, LETTERS.length)]! + word.slice(i);
    }
    case 'transposition': {
      const i = pick(rng, word.length - 1);
      if (word[i] === word[i + 1]) return null;
      return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    }
    default:
      return kind satisfies never;
  }
}

/** `edits` random edits in a row (kind and place uniform), or null when an edit was impossible. */
export function misspell(word: string, edits: number, rng: Rng): { typo: string; kinds: EditKind[] } | null {
  let typo = word;
  const kinds: EditKind[] = [];
  for (let n = 0; n < edits; n++) {
    const kind = EDIT_KINDS[pick(rng, EDIT_KINDS.length)]!;
    const next = edit(typo, kind, rng);
    if (next === null) return null;
    typo = next;
    kinds.push(kind);
  }
  return { typo, kinds };
}

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions at cost 1, the measure
 * of the issue. Used to keep only misspellings exactly as far from their word as the edits made.
 */
export function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

export interface RecallPart {
  n: number;
  typo_recall3: number;
  clean_recall3: number;
}

/** What a system reports for the typo class: recall@3 misspelled and clean, and typo ÷ clean. */
export interface TypoRecall extends RecallPart {
  /** typo_recall3 ÷ clean_recall3 (null when the clean recall is 0). */
  ratio: number | null;
  /** The same per kind of single edit, and for the two-edit misspellings together. */
  by_edit: Partial<Record<EditKind | 'two_edits', RecallPart>>;
  /** What the system was asked, in words. */
  query: string;
}

const share = (hits: number, n: number): number => (n === 0 ? 0 : Number((hits / n).toFixed(3)));

/**
 * Recall@3 of the typo queries: `top` answers a query string with the working-set indexes of the first
 * results, best first; a query counts when its intended entry (`target`) is among the first TOP_K.
 */
export function typoRecall(queries: readonly Query[], top: (q: string) => number[], query: string): TypoRecall | null {
  const typos = queries.filter((q) => q.cls === 'typo' && q.clean !== undefined && q.target !== undefined);
  if (typos.length === 0) return null;
  const groups = new Map<string, { n: number; typo: number; clean: number }>();
  const all = { n: 0, typo: 0, clean: 0 };
  for (const q of typos) {
    const hitTypo = top(q.q).slice(0, TOP_K).includes(q.target!) ? 1 : 0;
    const hitClean = top(q.clean!).slice(0, TOP_K).includes(q.target!) ? 1 : 0;
    const key = q.edits?.length === 1 ? q.edits[0]! : 'two_edits';
    const g = groups.get(key) ?? groups.set(key, { n: 0, typo: 0, clean: 0 }).get(key)!;
    for (const s of [g, all]) {
      s.n++;
      s.typo += hitTypo;
      s.clean += hitClean;
    }
  }
  const part = (s: { n: number; typo: number; clean: number }): RecallPart => ({
    n: s.n,
    typo_recall3: share(s.typo, s.n),
    clean_recall3: share(s.clean, s.n),
  });
  const by_edit: TypoRecall['by_edit'] = {};
  for (const key of [...EDIT_KINDS, 'two_edits'] as const) {
    const g = groups.get(key);
    if (g) by_edit[key] = part(g);
  }
  const total = part(all);
  return {
    ...total,
    ratio: all.clean === 0 ? null : Number((all.typo / all.clean).toFixed(3)),
    by_edit,
    query,
  };
}
