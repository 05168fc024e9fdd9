import type { Doc } from './corpus/types.ts';
import { mulberry32, pick, shuffle, type Rng } from './prng.ts';
import { editBudget, MAX_DF, misspell, osaDistance, type EditKind } from './typo.ts';

export const QUERY_CLASSES = ['single', 'two', 'phrase', 'prefix', 'substring', 'common', 'typo', 'question'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** One query, in Offprint's search-box syntax, plus the words it was built from (for the peers). */
export interface Query {
  cls: QueryClass;
  /** What a user types into Offprint. */
  q: string;
  /** Lower-case ASCII words (or the fragment), for translating into other engines' syntax. */
  words: string[];
  /** typo only: the word as the corpus spells it. */
  clean?: string;
  /** typo only: the index in the working set of the entry the word was drawn from. */
  target?: number;
  /** typo only: the edits that made `q` from `clean`, in order. */
  edits?: EditKind[];
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

/**
 * Every word of every article as the engines index it (title and whole body, lower case, accents
 * folded too), with the number of articles holding it.
 */
function documentFrequencies(docs: readonly Doc[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    const words = new Set<string>();
    for (const m of `${doc.title}\n${doc.body}`.matchAll(TOKEN)) {
      const w = m[0].toLowerCase();
      words.add(w);
      if (!PLAIN.test(w)) words.add(w.normalize('NFD').replace(/\p{M}/gu, ''));
    }
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return df;
}

/**
 * The typo class (issue 13 §3). From a random entry, one word of its title or body: plain a–z, 4+
 * letters, not glued to markup, not a stop word, a headword of the dictionary (`lexicon`: so
 * etymologies' Latin and transliterations are left out), and in at most MAX_DF articles of the
 * working set, so that the clean word alone can find its entry in a top 3. It gets one edit (4–7
 * letters) or, seeded half and half, one or two (8+), each a substitution, deletion, insertion or
 * adjacent transposition at a uniform place. A misspelling is drawn again when it is a word of the
 * working set (then it is not a misspelling an engine could notice), when it is not exactly that many
 * edits away from the word, or when it is outside the issue's correction budget for its own length
 * (1 edit from 4 letters, 2 from 8), so every query is one the issue asks to correct.
 */
function typoQueries(docs: readonly Doc[], perClass: number, rng: Rng, lexicon: ReadonlySet<string>): Query[] {
  const df = documentFrequencies(docs);
  const out: Query[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < perClass && tries < perClass * 200; tries++) {
    const target = pick(rng, docs.length);
    const doc = docs[target]!;
    const body = doc.body.length > 20000 ? doc.body.slice(0, 20000) : doc.body;
    const words = new Set<string>();
    for (const t of [...tokensOf(doc.title), ...tokensOf(body)]) {
      if (isWord(t) && t.word.length >= 4 && !STOP.has(t.word) && lexicon.has(t.word) && (df.get(t.word) ?? 0) <= MAX_DF) words.add(t.word);
    }
    if (words.size === 0) continue;
    const clean = [...words][pick(rng, words.size)]!;
    if (seen.has(clean)) continue;
    const count = clean.length >= 8 ? 1 + pick(rng, 2) : 1;
    const m = misspell(clean, count, rng);
    if (!m || seen.has(m.typo) || df.has(m.typo)) continue;
    if (editBudget(m.typo.length) < count || osaDistance(clean, m.typo) !== count) continue;
    seen.add(clean);
    seen.add(m.typo);
    out.push({ cls: 'typo', q: m.typo, words: [m.typo], clean, target, edits: m.kinds });
  }
  return out;
}

type Sampler = (toks: Tok[], body: string) => Query | null;

function samplers(rng: Rng): Record<Exclude<QueryClass, 'common' | 'typo'>, Sampler> {
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
    // Natural text as a person would paste a question: 8–15 consecutive plain words of the entry, stop
    // words included (issue 12 §6). Offprint takes it as typed; bare FTS5 as the OR of its words.
    question: (toks) => {
      const len = 8 + pick(rng, 8);
      const starts: number[] = [];
      for (let i = 0; i + len <= toks.length; i++) {
        let ok = true;
        for (let k = i; k < i + len && ok; k++) ok = isWord(toks[k]!);
        if (ok) starts.push(i);
        if (starts.length > 64) break;
      }
      if (starts.length === 0) return null;
      const i = starts[pick(rng, starts.length)]!;
      const words = toks.slice(i, i + len).map((t) => t.word);
      return { cls: 'question', q: words.join(' '), words };
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
 * so that no class benefits from running right after its own kind. `lexicon` is the set of words the
 * typo class may misspell (see typoQueries). The typo class draws from its own generator (seed + 1),
 * so adding it left the other classes' queries as they were.
 */
export function buildQueries(
  docs: readonly Doc[],
  perClass = PER_CLASS,
  lexicon: ReadonlySet<string> = new Set(),
  seed = QUERY_SEED,
): Query[] {
  const rng = mulberry32(seed);
  const out: Query[] = [];
  const sample = samplers(rng);
  for (const cls of QUERY_CLASSES) {
    if (cls === 'common' || cls === 'typo') continue;
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
  out.push(...typoQueries(docs, perClass, mulberry32(seed + 1), lexicon));
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
    typo: 'wrod (the misspelling as typed; recall@3 also for the clean word)',
    question: 'w1 w2 … w12 (8–15 words as typed: complete matches, then partial ones by bm25)',
  },
  fts5: {
    single: '"w"',
    two: '"w1" "w2"',
    phrase: '"w1 w2"',
    prefix: '"abc"*',
    substring: '"dher"* (no infix in a word index: run as prefix)',
    common: '"the"',
    typo: '"wrod" (the misspelling as a plain word: no fuzzy matching; latency only)',
    question: '"w1" OR "w2" OR … (the OR of the words, ranked by bm25)',
  },
  minisearch: {
    single: 'search(w, AND)',
    two: 'search("w1 w2", AND)',
    phrase: 'search("w1 w2", AND) (no phrases: AND of the words)',
    prefix: 'search(abc, AND, prefix)',
    substring: 'search(dher, AND, prefix) (no infix: run as prefix)',
    common: 'search(the)',
    typo: 'search(wrod, fuzzy 0.2) (edit distance round(0.2 × length), transposition = 2; recall@3 also for the clean word)',
    question: 'search("w1 … w12") (MiniSearch default OR)',
  },
  flexsearch: {
    single: 'search(w, limit 20, merge)',
    two: 'search("w1 w2", limit 20, merge) (AND within one field only)',
    phrase: 'search("w1 w2", limit 20, merge) (no phrases: AND of the words within one field)',
    prefix: 'search(abc) (tokenize strict: exact token only, no prefix)',
    substring: 'search(dher) (tokenize strict: exact token only, no infix)',
    common: 'search(the, limit 20)',
    typo: 'search(wrod, limit 20, merge) (tokenize strict: exact token only, no fuzzy; latency only)',
    question: 'search("w1 … w12", limit 20, merge)',
  },
};

export const fts5Match = (q: Query): string => {
  const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  switch (q.cls) {
    case 'two':
      return q.words.map(quote).join(' ');
    case 'question':
      return [...new Set(q.words)].map(quote).join(' OR ');
    case 'phrase':
      return quote(q.words.join(' '));
    case 'prefix':
    case 'substring':
      return `${quote(q.words[0]!)}*`;
    default:
      return quote(q.words[0]!);
  }
};
