import type { Database } from 'better-sqlite3';
import { correctionsOf, docCountOf, stemOf, termsWithStem } from '../db/terms.ts';
import { allowedEdits } from '../text/edits.ts';
import { assemble, type CompiledClause, type CompiledQuery, type CompiledTerm } from './compile.ts';

export interface QueryCorrection {
  /** The word as the query has it (folded). */
  from: string;
  to: string;
}

/** A word of the query is corrected while it matches fewer than this share of the articles its correction does. */
const RARE_SHARE = 1 / 20;
/**
 * The nearest words all go into the search, not only the most common one: a misspelled rare word has
 * commoner neighbours as near ("cassack" is one edit from both cassock and cossack), and bm25 weighs
 * the rare one up where an article has it. The response names the nearest, most common one.
 */
const ALTERNATIVES = 4;

/**
 * Corrections for the query's words, added as alternatives: a word that matches nothing in the library
 * (as a word, stem, prefix or fragment) gets its nearest vocabulary word; a word that is not the last
 * one (that one is still being typed) and matches fewer than 1/20 as many articles as a word one edit
 * away gets that word too. What a word matches as typed is never removed. Quoted phrases, field terms
 * and excluded words are taken as typed.
 */
export function correctQuery(db: Database, q: CompiledQuery): { compiled: CompiledQuery; corrections: QueryCorrection[] } | null {
  const corrections: QueryCorrection[] = [];
  const clauses: CompiledClause[] = q.clauses.map((c) => {
    if (c.isNegated) return c;
    const terms = c.terms.map((t) => {
      const words = correctionFor(db, t);
      if (words.length === 0) return t;
      corrections.push({ from: t.word, to: words[0]! });
      const variants = [...new Set(words.flatMap((to) => [to, ...termsWithStem(db, stemOf(to))]))];
      return { ...t, variants: [...t.variants, ...variants.filter((v) => !t.variants.includes(v) && v !== t.word)] };
    });
    return { ...c, terms };
  });
  if (corrections.length === 0) return null;
  return { compiled: assemble(clauses), corrections };
}

/** The words to search beside `t`, nearest and most common first; none when it needs no correction. */
function correctionFor(db: Database, t: CompiledTerm): string[] {
  if (t.sequence || t.field !== null || allowedEdits(t.word) === 0) return [];
  const found = correctionsOf(db, t.word, ALTERNATIVES);
  const best = found[0];
  if (!best) return [];
  const nearest = found.filter((c) => c.edits === best.edits).map((c) => c.term);
  const typed = docCountOf(db, t.word) + t.variants.reduce((n, v) => n + docCountOf(db, v), 0);
  // Completions are listed when there are few; null means many (or a vocabulary behind the index): a match either way.
  const hasPrefixMatches = t.isPrefix && (t.completions === null || t.completions.length > 0);
  const matchesAsTyped = typed > 0 || hasPrefixMatches || t.fragments.length > 0;
  if (!matchesAsTyped) return nearest;
  if (!t.source.isLast && best.edits === 1 && typed < best.docs * RARE_SHARE) return [best.term];
  return [];
}
