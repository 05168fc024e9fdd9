import type { Database } from 'better-sqlite3';
import { stemOf, termsWithStem } from './db/terms.ts';
import { vocabularyCounts } from './db/search.ts';
import type { CompiledClause, CompiledQuery } from './query/compile.ts';
import { Matcher, PREFILTER_FROM } from './query/matcher.ts';
import { tokens } from './text/fold.ts';

/**
 * Pseudo-relevance feedback for partial matches. A question shares only some of its words with the
 * articles that answer it, and those articles share further words with each other: the best-ranked ones
 * say which. The words that stand out in them (Bo1, the Bose-Einstein weighting of Amati's divergence from
 * randomness framework: frequent in the feedback articles, rare in the library) are added to the query at
 * a fraction of a typed word's weight, and the matches already read are scored again with them. Only
 * articles that hold a typed word are ever results; the added words change their order, not the set.
 * The settings are the textbook ones (10 articles, 10 words, weight 0.4), not fitted to any collection.
 */
export const FEEDBACK_DOCS = 10;
const FEEDBACK_WORDS = 10;
export const FEEDBACK_WEIGHT = 0.4;
/** Feedback needs more matches than it reads: with few, the best ones are most of them and say nothing. */
export const FEEDBACK_MIN_MATCHES = 2 * FEEDBACK_DOCS;
/** Of each feedback article, this much text is read: the words that characterise it come early. */
const READ_CHARS = 20_000;
/** The words most frequent in the feedback articles are weighed; the long tail cannot reach the top. */
const CANDIDATES = 100;
const MIN_LETTERS = 3;

export interface FeedbackText {
  title: string;
  author: string | null;
  text: string;
}

export interface Expansion {
  /** One clause per added word, matching it and the words that share its stem. */
  query: CompiledQuery;
  matcher: Matcher;
  /** Per clause of `query`: its weight relative to a typed word's, times its idf. */
  weight: number[];
  /** Typed words that stand out in the feedback articles too: their weight relative to a typed word's, added. */
  typed: Map<string, number>;
}

interface StemCount {
  stem: string;
  /** How often it occurs in the feedback articles, and its most frequent spelling there. */
  count: number;
  spellings: Map<string, number>;
}

function countStems(texts: readonly FeedbackText[]): Map<string, StemCount> {
  const stems = new Map<string, StemCount>();
  for (const t of texts) {
    const all = `${t.title}\n${t.author ?? ''}\n${t.text.slice(0, READ_CHARS)}`;
    for (const tok of tokens(all)) {
      const word = tok.term;
      // Numbers and short words say little about a subject; CJK runs are not single words.
      if (tok.spaceless || word.length < MIN_LETTERS || /^\p{N}+$/u.test(word)) continue;
      const stem = stemOf(word);
      let s = stems.get(stem);
      if (!s) stems.set(stem, (s = { stem, count: 0, spellings: new Map() }));
      s.count++;
      s.spellings.set(word, (s.spellings.get(word) ?? 0) + 1);
    }
  }
  return stems;
}

function clauseFor(db: Database, s: StemCount): CompiledClause {
  const word = [...s.spellings].sort((a, b) => b[1] - a[1])[0]![0];
  const variants = termsWithStem(db, s.stem).filter((v) => v !== word);
  const source = { text: word, tokens: [word], raw: [word], isPhrase: false, field: null, isLast: false, isOpenPhrase: false };
  return {
    isNegated: false,
    terms: [{ source, field: null, sequence: null, word, isPrefix: false, completions: null, variants, fragments: [] }],
  };
}

/**
 * The words to add, from the best matches' texts. `typedStems` are the query's own words, never added
 * again; `articles` is the size of the library; `idfOf` the same inverse document frequency the ranking uses.
 */
export function expansionFrom(
  db: Database,
  texts: readonly FeedbackText[],
  typedStems: ReadonlySet<string>,
  articles: number,
  idfOf: (df: number, n: number) => number,
): Expansion | null {
  if (texts.length === 0 || articles <= 0) return null;
  const candidates = [...countStems(texts).values()].sort((a, b) => b.count - a.count).slice(0, CANDIDATES);
  const counts = vocabularyCounts(
    db,
    candidates.flatMap((c) => [...c.spellings.keys()]),
  );
  const scored = candidates
    .map((c) => {
      let docs = 0;
      let occurrences = 0;
      for (const w of c.spellings.keys()) {
        const n = counts.get(w);
        if (!n) continue;
        docs = Math.max(docs, n.docs);
        occurrences += n.occurrences;
      }
      // Bo1: Pn is the word's mean frequency per article; the more it exceeds that here, the more it says.
      const pn = occurrences / articles;
      const bo1 = pn > 0 ? c.count * Math.log2((1 + pn) / pn) + Math.log2(1 + pn) : 0;
      return { c, docs, bo1 };
    })
    .filter((x) => x.docs > 0 && x.bo1 > 0)
    .sort((a, b) => b.bo1 - a.bo1 || (a.c.stem < b.c.stem ? -1 : 1))
    .slice(0, FEEDBACK_WORDS);
  if (scored.length === 0) return null;
  const top = scored[0]!.bo1;
  const share = (x: { bo1: number }) => FEEDBACK_WEIGHT * (x.bo1 / top);
  // A typed word among them weighs more (the query's own words are reweighted, as in RM3 and Bo1 query expansion).
  const added = scored.filter((x) => !typedStems.has(x.c.stem));
  const typed = new Map(scored.filter((x) => typedStems.has(x.c.stem)).map((x) => [x.c.stem, share(x)]));
  const query: CompiledQuery = { clauses: added.map((x) => clauseFor(db, x.c)), tier1: null, tier2: null, complete: null };
  return {
    query,
    matcher: new Matcher(query, false, PREFILTER_FROM),
    weight: added.map((x) => share(x) * idfOf(x.docs, Math.max(articles, x.docs))),
    typed,
  };
}
