import { parseQuery } from './parse.ts';

/**
 * What kind of query this is, for the log of slow requests: the kinds the benchmark times apart, told
 * from the query's shape alone. The words themselves are never logged.
 */
export function queryClass(q: string): string {
  const { clauses } = parseQuery(q);
  const terms = clauses.flatMap((c) => c.terms);
  if (terms.length === 0) return 'empty';
  if (terms.some((t) => t.isPhrase)) return 'phrase';
  if (terms.some((t) => t.field !== null)) return 'field';
  if (clauses.some((c) => c.isNegated)) return 'exclusion';
  const words = clauses.filter((c) => !c.isNegated).length;
  if (words >= 8) return 'question';
  if (words === 1) return terms[0]!.tokens.length > 1 ? 'compound' : 'single';
  return `${words} words`;
}
