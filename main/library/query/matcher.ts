import { foldedPattern } from '../text/foldPattern.ts';
import { hasSpaceless, tokens, type Token } from '../text/fold.ts';
import type { CompiledQuery, CompiledTerm } from './compile.ts';
import type { Field } from './parse.ts';

/** A match in a string: UTF-16 offsets, and which query term (by index into `terms`) it belongs to. */
export interface Hit {
  start: number;
  end: number;
  term: number;
}

export type TextField = Field | 'body';

const TOKEN_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;
/** Texts this long are scanned with a whole-word matcher's needle regex first (see searchArticles). */
export const PREFILTER_FROM = 4096;
/** How far back to look for the start of a token that a candidate may be inside of. */
const BACK = 256;

function continuesToken(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const before = text.codePointAt(pos - 1)!;
  const cp = before >= 0xdc00 && before <= 0xdfff && pos >= 2 ? text.codePointAt(pos - 2)! : before;
  return TOKEN_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Finds what a compiled query matches inside plain text, the same way FTS5 matched it, so snippets
 * and the reader's marks show exactly why an article was found. One native regex scan finds the
 * places where a query word can begin; only there is the text tokenized and checked word by word.
 */
export class Matcher {
  readonly terms: CompiledTerm[];
  private readonly words: Map<string, number[]> = new Map();
  private readonly needles = new Map<string, { isPrefix: boolean }>();
  private candidatesCache: RegExp | null | undefined;
  private readonly longest: number;

  /**
   * `prefilterFrom`: texts at least this long are scanned with the needle regex first; shorter ones
   * (titles, most blocks) are tokenized whole, which is cheaper than compiling the regex.
   */
  constructor(
    query: CompiledQuery,
    readonly withFragments: boolean,
    private readonly prefilterFrom = 2048,
  ) {
    this.terms = query.clauses.filter((c) => !c.isNegated).flatMap((c) => c.terms);
    // Each needle is a whole token, or (prefix) the beginning of one.
    const need = (n: string, isPrefix: boolean) => this.needles.set(n, { isPrefix: isPrefix || (this.needles.get(n)?.isPrefix ?? false) });
    this.terms.forEach((t, i) => {
      if (t.sequence) {
        if (t.sequence[0]) need(t.sequence[0], t.sequence.length === 1 && isOpenSequence(t));
        return;
      }
      const exact = [t.word, ...t.variants, ...(withFragments ? t.fragments : [])];
      for (const w of exact) {
        this.words.set(w, [...(this.words.get(w) ?? []), i]);
        need(w, w === t.word && t.isPrefix);
      }
    });
    this.longest = Math.max(1, ...this.terms.map((t) => t.sequence?.length ?? 1));
  }

  /** The needle regex, built on first use. */
  private candidates(): RegExp | null {
    if (this.candidatesCache !== undefined) return this.candidatesCache;
    // A Latin letter or decimal digit before a needle, or after a whole-token needle, puts it inside a
    // longer word, which cannot be a hit; anything else may start or end a token and is checked.
    // The check before is shared by all needles, so the regex tests it once per position.
    const pattern = ([n, { isPrefix }]: [string, { isPrefix: boolean }]) =>
      foldedPattern(n) + (isPrefix || hasSpaceless(n) ? '' : '(?![\\p{sc=Latin}\\p{Nd}\\p{M}])');
    const sorted = [...this.needles].filter(([n]) => n !== '').sort(([a], [b]) => b.length - a.length);
    const words = sorted.filter(([n]) => !hasSpaceless(n[0]!)).map(pattern);
    const spaceless = sorted.filter(([n]) => hasSpaceless(n[0]!)).map(pattern);
    const alternatives = [
      ...(words.length > 0 ? [`(?<![\\p{sc=Latin}\\p{Nd}])(?:${words.join('|')})`] : []),
      ...(spaceless.length > 0 ? [`(?:${spaceless.join('|')})`] : []),
    ];
    this.candidatesCache = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : null;
    return this.candidatesCache;
  }

  get isEmpty(): boolean {
    return this.terms.length === 0;
  }

  /** Hits in `text`, in order, never overlapping; at most `limit` of them. */
  find(text: string, field: TextField, limit = Number.POSITIVE_INFINITY): Hit[] {
    if (this.isEmpty || text === '') return [];
    if (text.length < this.prefilterFrom) return this.findByTokens(text, field, limit);
    const re = this.candidates();
    if (!re) return [];
    const hits: Hit[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (hits.length < limit && (m = re.exec(text)) !== null) {
      const { hit, next } = this.checkAt(text, m.index, field);
      if (hit) hits.push(hit);
      re.lastIndex = Math.max(next, m.index + 1);
    }
    return hits;
  }

  /** Every token checked in turn: for short texts. */
  private findByTokens(text: string, field: TextField, limit: number): Hit[] {
    const toks = [...tokens(text)];
    const hits: Hit[] = [];
    let coveredUntil = -1;
    for (let i = 0; i < toks.length && hits.length < limit; i++) {
      if (toks[i]!.start < coveredUntil) continue;
      const hit = this.hitAt(toks, i, field);
      if (hit) {
        hits.push(hit);
        coveredUntil = hit.end;
      }
    }
    return hits;
  }

  /** Tokenizes around a candidate and checks the token it falls in; says where scanning goes on. */
  private checkAt(text: string, pos: number, field: TextField): { hit: Hit | null; next: number } {
    // A spaceless character is a token of its own; anything else may continue a token begun before it.
    const from = continuesToken(text, pos) && !hasSpaceless(String.fromCodePoint(text.codePointAt(pos)!)) ? Math.max(0, pos - BACK) : pos;
    for (let span = 64 * this.longest; ; span *= 2) {
      const to = Math.min(text.length, pos + span);
      const toks: Token[] = [];
      for (const t of tokens(text.slice(from, to))) toks.push({ ...t, start: t.start + from, end: t.end + from });
      // The last token may be cut by the window; it only counts when the window reached the end.
      const complete = to === text.length ? toks : toks.slice(0, -1);
      const i = complete.findIndex((t) => t.end > pos);
      if (i === -1 && to === text.length) return { hit: null, next: text.length };
      if (i === -1 || (complete.length - i < this.longest && to < text.length)) continue;
      const tok = complete[i]!;
      // Scanning runs left to right, so a token whose own start was not a candidate cannot match.
      if (tok.start < pos) return { hit: null, next: tok.end };
      const hit = this.hitAt(complete, i, field);
      return { hit, next: hit ? hit.end : tok.end };
    }
  }

  private appliesTo(t: CompiledTerm, field: TextField): boolean {
    return t.field === null || t.field === field;
  }

  private hitAt(toks: Token[], i: number, field: TextField): Hit | null {
    const tok = toks[i]!;
    const byWord = this.words.get(tok.term);
    if (byWord) {
      const termIndex = byWord.find((ti) => this.appliesTo(this.terms[ti]!, field));
      if (termIndex !== undefined) return { start: tok.start, end: tok.end, term: termIndex };
    }
    for (let ti = 0; ti < this.terms.length; ti++) {
      const t = this.terms[ti]!;
      if (!this.appliesTo(t, field)) continue;
      if (t.sequence) {
        const end = this.sequenceEnd(t, toks, i);
        if (end !== null) return { start: tok.start, end, term: ti };
      } else if (tok.term === t.word || (t.isPrefix && tok.term.startsWith(t.word))) {
        return { start: tok.start, end: tok.end, term: ti };
      }
    }
    return null;
  }

  private sequenceEnd(t: CompiledTerm, toks: Token[], i: number): number | null {
    const seq = t.sequence!;
    if (seq.length === 0 || i + seq.length > toks.length) return null;
    for (let k = 0; k < seq.length; k++) {
      const tok = toks[i + k]!;
      const isLast = k === seq.length - 1;
      const ok = tok.term === seq[k] || (isLast && isOpenSequence(t) && tok.term.startsWith(seq[k]!));
      if (!ok) return null;
    }
    return toks[i + seq.length - 1]!.end;
  }
}

/** A sequence whose last token matches as a prefix, as compile.ts builds it: a word with inner punctuation, or a quote still open. */
function isOpenSequence(t: CompiledTerm): boolean {
  return !t.source.isPhrase || t.source.isOpenPhrase;
}
