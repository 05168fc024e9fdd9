import type { Doc } from './corpus/types.ts';
import { mulberry32, pick, shuffle, type Rng } from './prng.ts';

export const QUERY_CLASSES = ['single', 'two', 'phrase', 'prefix', 'substring', 'common'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** One query, in Offprint's search-box syntax, plus the words it was built from (for the peers). */
export interface Query {
  cls: QueryClass;
  /** What a user types into Offprint. */
  q: string;
  /** Lower-case ASCII words (or the fragment), for translating into other engines' syntax. */
  words: string[];
}

export const QUERY_SEED = 4242;
export const PER_CLASS = 200;

/** Too frequent to say anything about ranking; they get their own "common" class instead. */
const STOP = new Set(
  'the and of a an to in is or as by for with on at from that which be it this are was were his her their its not but also see obs webster etc'.split(
    ' ',
  ),
);

/** Roughly what unicode61 calls a token; queries only use plain a–z words so every engine tokenises them alike. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const PLAIN = /^[a-z]+$/u;

/** GCIDE's pronunciation markup (`Lar"i*at`, `[a^]`) splits words into pieces nobody would search for. */
const MARKUP = /["*'^\[\]\\]/u;

interface Tok {
  word: string;
  start: number;
  end: number;
  /** Not glued to markup characters on either side. */
  clean: boolean;
}

function tokensOf(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const end = m.index + m[0].length;
    const clean = !MARKUP.test(text[m.index - 1] ?? ' ') && !MARKUP.test(text[end] ?? ' ');
    out.push({ word: m[0].toLowerCase(), start: m.index, end, clean });
  }
  return out;
}

const isWord = (t: Tok): boolean => t.clean && PLAIN.test(t.word);
const isContent = (t: Tok): boolean => isWord(t) && t.word.length >= 3 && !STOP.has(t.word);

/** The most widespread plain words, always including "the" and "of": the worst case for ranking. */
function commonWords(docs: readonly Doc[], rng: Rng, count = 6): string[] {
  const df = new Map<string, number>();
  for (let i = 0; i < Math.min(2000, docs.length); i++) {
    const doc = docs[pick(rng, docs.length)]!;
    for (const w of new Set(tokensOf(doc.body).map((t) => t.word))) if (PLAIN.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const top = [...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const words = ['the', 'of', ...top.filter((w) => w !== 'the' && w !== 'of')];
  return words.slice(0, count);
}

type Sampler = (toks: Tok[], body: string) => Query | null;

function samplers(rng: Rng): Record<Exclude<QueryClass, 'common'>, Sampler> {
  const content = (toks: Tok[]): Tok[] => toks.filter(isContent);
  return {
    single: (toks) => {
      const c = content(toks);
      if (c.length === 0) return null;
      const w = c[pick(rng, c.length)]!.word;
      return { cls: 'single', q: w, words: [w] };
    },
    two: (toks) => {
      const c = [...new Set(content(toks).map((t) => t.word))];
      if (c.length < 2) return null;
      const i = pick(rng, c.length);
      let j = pick(rng, c.length - 1);
      if (j >= i) j++;
      const words = [c[i]!, c[j]!];
      return { cls: 'two', q: words.join(' '), words };
    },
    phrase: (toks, body) => {
      // Two words next to each other with only white space between, at least one of them a content word.
      const starts: number[] = [];
      for (let i = 0; i + 1 < toks.length; i++) {
        const a = toks[i]!;
        const b = toks[i + 1]!;
        if (!isWord(a) || !isWord(b) || a.word.length < 2 || b.word.length < 2) continue;
        if (!isContent(a) && !isContent(b)) continue;
        if (!/^[ \t]+$/u.test(body.slice(a.end, b.start))) continue;
        starts.push(i);
      }
      if (starts.length === 0) return null;
      const i = starts[pick(rng, starts.length)]!;
      const words = [toks[i]!.word, toks[i + 1]!.word];
      return { cls: 'phrase', q: `"${words.join(' ')}"`, words };
    },
    prefix: (toks) => {
      const c = content(toks).filter((t) => t.word.length >= 5);
      if (c.length === 0) return null;
      const w = c[pick(rng, c.length)]!.word;
      const p = w.slice(0, 3 + pick(rng, 2));
      return { cls: 'prefix', q: p, words: [p] };
    },
    substring: (toks) => {
      const len = 4 + pick(rng, 3);
      // Strictly inside the word: neither its beginning (that is a prefix) nor its end.
      const c = content(toks).filter((t) => t.word.length >= len + 2);
      if (c.length === 0) return null;
      const w = c[pick(rng, c.length)]!.word;
      const start = 1 + pick(rng, w.length - len - 1);
      const f = w.slice(start, start + len);
      return { cls: 'substring', q: f, words: [f] };
    },
  };
}

/**
 * `perClass` queries of each class, sampled from the working set's own text (seeded), then interleaved
 * so that no class benefits from running right after its own kind.
 */
export function buildQueries(docs: readonly Doc[], perClass = PER_CLASS, seed = QUERY_SEED): Query[] {
  const rng = mulberry32(seed);
  const out: Query[] = [];
  const sample = samplers(rng);
  for (const cls of QUERY_CLASSES) {
    if (cls === 'common') continue;
    const seen = new Set<string>();
    let tries = 0;
    while (seen.size < perClass && tries++ < perClass * 200) {
      const doc = docs[pick(rng, docs.length)]!;
      const body = doc.body.length > 20000 ? doc.body.slice(0, 20000) : doc.body;
      const q = sample[cls](tokensOf(body), body);
      if (!q || seen.has(q.q)) continue;
      seen.add(q.q);
      out.push(q);
    }
  }
  const common = commonWords(docs, rng);
  for (let i = 0; i < perClass; i++) {
    const w = common[i % common.length]!;
    out.push({ cls: 'common', q: w, words: [w] });
  }
  return shuffle(out, rng);
}

/** How each class is put to each engine; saved into the JSON so the comparison is honest about it. */
export const QUERY_MAPPING: Record<'offprint' | 'fts5' | 'minisearch' | 'flexsearch', Record<QueryClass, string>> = {
  offprint: {
    single: 'w (word, prefix and stem variants, then fragments)',
    two: 'w1 w2 (AND, each with prefix/stem)',
    phrase: '"w1 w2"',
    prefix: 'abc (word + prefix + fragments)',
    substring: 'dher (fragment inside words via the terms trigram index)',
    common: 'the',
  },
  fts5: {
    single: '"w"',
    two: '"w1" "w2"',
    phrase: '"w1 w2"',
    prefix: '"abc"*',
    substring: '"dher"* (no infix in a word index: run as prefix)',
    common: '"the"',
  },
  minisearch: {
    single: 'search(w, AND)',
    two: 'search("w1 w2", AND)',
    phrase: 'search("w1 w2", AND) (no phrases: AND of the words)',
    prefix: 'search(abc, AND, prefix)',
    substring: 'search(dher, AND, prefix) (no infix: run as prefix)',
    common: 'search(the)',
  },
  flexsearch: {
    single: 'search(w, limit 20, merge)',
    two: 'search("w1 w2", limit 20, merge) (AND within one field only)',
    phrase: 'search("w1 w2", limit 20, merge) (no phrases: AND of the words within one field)',
    prefix: 'search(abc) (tokenize strict: exact token only, no prefix)',
    substring: 'search(dher) (tokenize strict: exact token only, no infix)',
    common: 'search(the, limit 20)',
  },
};

export const fts5Match = (q: Query): string => {
  const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  switch (q.cls) {
    case 'two':
      return q.words.map(quote).join(' ');
    case 'phrase':
      return quote(q.words.join(' '));
    case 'prefix':
    case 'substring':
      return `${quote(q.words[0]!)}*`;
    default:
      return quote(q.words[0]!);
  }
};
