import type { Database } from 'better-sqlite3';
import { completionsOf, stemOf, termsContaining, termsWithStem } from '../db/terms.ts';
import type { Clause, Field, ParsedQuery, Term } from './parse.ts';

/**
 * A query term resolved against the vocabulary: what it matches exactly, as a prefix, through
 * its stem, and (second tier) as a fragment inside longer words.
 */
export interface CompiledTerm {
  source: Term;
  field: Field | null;
  /** Adjacent tokens: a quoted phrase, a word with inner punctuation, or a run of CJK characters. */
  sequence: string[] | null;
  /** Single-token terms: */
  word: string;
  isPrefix: boolean;
  /** The prefix's longer words, listed, when there are few: see compileTerm. Null means `"word"*`. */
  completions: string[] | null;
  variants: string[];
  fragments: string[];
}

export interface CompiledClause {
  terms: CompiledTerm[];
  isNegated: boolean;
}

export interface CompiledQuery {
  clauses: CompiledClause[];
  /** Word, stem and prefix matches. */
  tier1: string | null;
  /** Fragments inside words, minus what tier 1 finds; null when no word has a fragment match. */
  tier2: string | null;
  /** Every article that holds every word, fragments counted (tier 1 and tier 2 together). */
  complete: string | null;
}

const MIN_PREFIX = 2;
/**
 * FTS5 answers `"word"*` beyond the indexed prefix lengths (2 and 3) by merging the doclists of every
 * word with that beginning into one list before it returns a row — for "webster"* 180k entries, on
 * every query. The same few words spelled out are read lazily, so a top-20 page stops early.
 */
const INDEXED_PREFIX = 3;
const MAX_COMPLETIONS = 16;
const MIN_FRAGMENT = 3;
/**
 * In queries of more than this many words, a word that matches as a word (or its stem, or a prefix) is
 * not also looked for inside longer words. In a pasted sentence every word of three letters is inside
 * hundreds of longer ones ("white" in bobwhite), and finding the articles that hold every word only that
 * way costs more than the rest of the search (30 ms at 200,000 articles) to list what a person asking a
 * question does not mean. A word found nowhere as a word keeps its fragments, as in a short query.
 */
const FRAGMENT_QUERY_WORDS = 4;
const isLatinish = (t: string): boolean => /^[\p{L}\p{N}\p{M}]+$/u.test(t) && !/[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}]/u.test(t);

function compileTerm(db: Database, term: Term, isNegated: boolean, isLong: boolean): CompiledTerm {
  const base = { source: term, field: term.field, word: '', isPrefix: false, completions: null, variants: [], fragments: [] };
  if (term.isPhrase || term.tokens.length > 1) return { ...base, sequence: term.tokens };
  const word = term.tokens[0]!;
  const isWord = isLatinish(word);
  const stem = stemOf(word);
  const sameStem = isWord ? termsWithStem(db, stem) : [];
  const variants = sameStem.filter((v) => v !== word && !v.startsWith(word));
  // Every word is a prefix of longer words; the one being typed is one even when excluded (`-shang`) or,
  // within a field, from its first letter (`author:w`), so the list narrows as the word grows.
  const minPrefix = term.isLast && term.field !== null ? 1 : MIN_PREFIX;
  const isPrefix = (!isNegated || term.isLast) && isWord && [...word].length >= minPrefix;
  const completions = isPrefix && [...word].length > INDEXED_PREFIX ? completionsOf(db, word, MAX_COMPLETIONS) : null;
  // Null completions of a prefix mean many words begin with it (or the vocabulary is behind: FTS5 has them).
  const isKnown = sameStem.length > 0 || (isPrefix && (completions === null || completions.length > 0));
  const fragments =
    !isNegated && isWord && [...word].length >= MIN_FRAGMENT && !(isLong && isKnown)
      ? termsContaining(db, word).filter((t) => !t.startsWith(word) && !variants.includes(t))
      : [];
  return { ...base, sequence: null, word, isPrefix, completions, variants, fragments };
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

function termExpr(t: CompiledTerm, withFragments: boolean): string {
  let parts: string[];
  const typed = t.source.raw.join(' ');
  if (t.sequence) {
    // A word with inner punctuation, and a quote still open at the end of the query, end in a prefix.
    const isOpen = (!t.source.isPhrase || t.source.isOpenPhrase) && t.sequence.length > 0;
    parts = [quote(typed) + (isOpen ? '*' : '')];
  } else {
    parts = [quote(typed)];
    // The exact word and its prefix both match an exact hit, so bm25 ranks it above a mere prefix.
    if (t.isPrefix) parts.push(...(t.completions ? t.completions.map(quote) : [`${quote(typed)}*`]));
    for (const v of t.variants) parts.push(quote(v));
    if (withFragments) for (const f of t.fragments) parts.push(quote(f));
  }
  const expr = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  return t.field ? `${t.field} : ${expr.startsWith('(') ? expr : `(${expr})`}` : expr;
}

/** The MATCH expression of one clause: any of its terms, each with its prefix and stem variants. */
export function clauseExpr(c: CompiledClause, withFragments: boolean): string {
  const exprs = c.terms.map((t) => termExpr(t, withFragments));
  return exprs.length === 1 ? exprs[0]! : `(${exprs.join(' OR ')})`;
}

function build(positive: CompiledClause[], negative: CompiledClause[], withFragments: boolean): string {
  let expr = positive.map((c) => clauseExpr(c, withFragments)).join(' AND ');
  if (positive.length > 1) expr = `(${expr})`;
  for (const n of negative) expr = `(${expr} NOT ${clauseExpr(n, false)})`;
  return expr;
}

export function compileQuery(db: Database, parsed: ParsedQuery): CompiledQuery {
  const isLong = parsed.clauses.filter((c) => !c.isNegated).length > FRAGMENT_QUERY_WORDS;
  const clauses: CompiledClause[] = parsed.clauses.map((c: Clause) => ({
    isNegated: c.isNegated,
    terms: c.terms.map((t) => compileTerm(db, t, c.isNegated, isLong)),
  }));
  return assemble(clauses);
}

/** The MATCH expressions of compiled clauses (also of clauses a correction changed: see corrections.ts). */
export function assemble(clauses: CompiledClause[]): CompiledQuery {
  const positive = clauses.filter((c) => !c.isNegated);
  const negative = clauses.filter((c) => c.isNegated);
  if (positive.length === 0) return { clauses, tier1: null, tier2: null, complete: null };
  const tier1 = build(positive, negative, false);
  const hasFragments = positive.some((c) => c.terms.some((t) => t.fragments.length > 0));
  const complete = hasFragments ? build(positive, negative, true) : tier1;
  const tier2 = hasFragments ? `(${complete} NOT ${tier1})` : null;
  return { clauses, tier1, tier2, complete };
}

/**
 * A quoted phrase or a field term is a filter the user asked for: it never relaxes. Any other clause
 * (a word, with its OR alternatives) may be missing from a partial match.
 */
export function isStrict(c: CompiledClause): boolean {
  return c.terms.some((t) => t.source.isPhrase || t.field !== null);
}

/**
 * Articles that pass every strict clause and every exclusion and hold at least one of `optional`
 * (clause expressions from clauseExpr): the partial matches, before the complete ones are taken out.
 */
export function relaxedMatch(q: CompiledQuery, optional: readonly string[]): string {
  const strict = q.clauses.filter((c) => !c.isNegated && isStrict(c)).map((c) => clauseExpr(c, false));
  const any = optional.length === 1 ? optional[0]! : `(${optional.join(' OR ')})`;
  let expr = strict.length === 0 ? any : `(${[...strict, any].join(' AND ')})`;
  for (const n of q.clauses.filter((c) => c.isNegated)) expr = `(${expr} NOT ${clauseExpr(n, false)})`;
  return expr;
}
