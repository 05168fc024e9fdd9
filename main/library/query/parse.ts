import { fold, tokens } from '../text/fold.ts';

/**
 * The search box's little language: words are ANDed; "quoted phrase"; -word excludes;
 * OR between two terms; title:word and author:word. Anything else is read as words,
 * so no input is ever a syntax error.
 */

export type Field = 'title' | 'author';

export interface Term {
  /** What the user typed, for "why this matched". */
  text: string;
  /** Folded tokens, as the index holds them. */
  tokens: string[];
  /**
   * The same tokens as typed. The MATCH string is built from these, so FTS5 folds the query exactly as it
   * folded the articles; JS folding differs from unicode61 for some characters (marks after Latin letters,
   * compatibility ideographs, letters newer than its Unicode tables).
   */
  raw: string[];
  /** Quoted: match these tokens exactly, adjacent, in order. */
  isPhrase: boolean;
  field: Field | null;
  /**
   * The query's last term, the one being typed: it matches as a prefix wherever it stands, even inside a
   * quote not closed yet (`"united st`), after a field (`author:w`) or after `-` (`-shang`).
   */
  isLast: boolean;
  /** A quote the query has not closed yet: its last token is still being typed. */
  isOpenPhrase: boolean;
}

/** One AND-ed clause: any of its terms may match. */
export interface Clause {
  terms: Term[];
  isNegated: boolean;
}

export interface ParsedQuery {
  clauses: Clause[];
  /** Things the parser had to reinterpret, for the notice. */
  notes: string[];
}

export const MAX_QUERY_CHARS = 1024;
/** A pasted question or paragraph is searched whole up to here. */
export const MAX_TERMS = 64;

interface RawPiece {
  text: string;
  isQuoted: boolean;
  isOpen: boolean;
  isNegated: boolean;
  field: Field | null;
  isOr: boolean;
}

function lex(input: string, notes: string[]): RawPiece[] {
  const pieces: RawPiece[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i]!)) i++;
    if (i >= n) break;
    let isNegated = false;
    let field: Field | null = null;
    if (input[i] === '-' && i + 1 < n && !/\s/u.test(input[i + 1]!)) {
      isNegated = true;
      i++;
    }
    const fieldMatch = /^(title|author):(?=\S)/iu.exec(input.slice(i, i + 8));
    if (fieldMatch) {
      field = fieldMatch[1]!.toLowerCase() as Field;
      i += fieldMatch[0].length;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) notes.push('A quote was not closed, so the rest was read as a phrase.');
      const end = close === -1 ? n : close;
      pieces.push({ text: input.slice(i + 1, end), isQuoted: true, isOpen: close === -1, isNegated, field, isOr: false });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/u.test(input[j]!)) j++;
    const text = input.slice(i, j);
    i = j;
    const isOr = text === 'OR' && !isNegated && field === null;
    pieces.push({ text, isQuoted: false, isOpen: false, isNegated, field, isOr });
  }
  return pieces;
}

function toTerm(piece: RawPiece): Term | null {
  const toks: string[] = [];
  const raw: string[] = [];
  for (const t of tokens(piece.text)) {
    toks.push(t.term);
    raw.push(piece.text.slice(t.start, t.end));
  }
  if (toks.length === 0) return null;
  return { text: piece.text, tokens: toks, raw, isPhrase: piece.isQuoted, field: piece.field, isLast: false, isOpenPhrase: piece.isOpen };
}

export function parseQuery(raw: string): ParsedQuery {
  const notes: string[] = [];
  let input = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, ' ');
  if (input.length > MAX_QUERY_CHARS) {
    input = input.slice(0, MAX_QUERY_CHARS);
    notes.push(`The query was cut to its first ${MAX_QUERY_CHARS} characters.`);
  }
  const clauses: Clause[] = [];
  let pendingOr = false;
  for (const piece of lex(input, notes)) {
    if (piece.isOr) {
      pendingOr = clauses.length > 0 && !clauses.at(-1)!.isNegated;
      continue;
    }
    const term = toTerm(piece);
    if (!term) continue;
    const last = clauses.at(-1);
    if (pendingOr && last && !piece.isNegated) {
      last.terms.push(term);
    } else {
      clauses.push({ terms: [term], isNegated: piece.isNegated });
    }
    pendingOr = false;
  }
  let termCount = 0;
  const kept: Clause[] = [];
  for (const clause of clauses) {
    termCount += clause.terms.length;
    if (termCount > MAX_TERMS) {
      notes.push(`Only the first ${MAX_TERMS} words were used.`);
      break;
    }
    kept.push(clause);
  }
  const last = kept.at(-1)?.terms.at(-1);
  if (last) last.isLast = true;
  return { clauses: kept, notes };
}

export function positiveClauses(q: ParsedQuery): Clause[] {
  return q.clauses.filter((c) => !c.isNegated);
}

/** The title a query names, as `titleKey` folds titles: its searched words in order, without operators or excluded words. */
export function queryTitleKey(q: ParsedQuery): string {
  return positiveClauses(q)
    .flatMap((c) => c.terms.flatMap((t) => t.tokens))
    .join(' ');
}

export { fold };
