import { tokens, type Token } from '../text/fold.ts';
import type { CompiledQuery, CompiledTerm } from './compile.ts';
import type { Field } from './parse.ts';

/** A match in a string: UTF-16 offsets, and which query term (by index into `terms`) it belongs to. */
export interface Hit {
  start: number;
  end: number;
  term: number;
}

export type TextField = Field | 'body';

/**
 * Finds what a compiled query matches inside plain text, the same way FTS5 matched it, so snippets
 * and the reader's marks show exactly why an article was found.
 */
export class Matcher {
  readonly terms: CompiledTerm[];
  private readonly words: Map<string, number[]> = new Map();

  constructor(
    query: CompiledQuery,
    readonly withFragments: boolean,
  ) {
    this.terms = query.clauses.filter((c) => !c.isNegated).flatMap((c) => c.terms);
    this.terms.forEach((t, i) => {
      if (t.sequence) return;
      const exact = [t.word, ...t.variants, ...(withFragments ? t.fragments : [])];
      for (const w of exact) this.words.set(w, [...(this.words.get(w) ?? []), i]);
    });
  }

  get isEmpty(): boolean {
    return this.terms.length === 0;
  }

  private appliesTo(t: CompiledTerm, field: TextField): boolean {
    return t.field === null || t.field === field;
  }

  private tokenMatches(t: CompiledTerm, tok: Token): boolean {
    return tok.term === t.word || (t.isPrefix && tok.term.startsWith(t.word));
  }

  /** Every hit in `text`, in order; overlapping hits of different terms are merged into the first. */
  find(text: string, field: TextField): Hit[] {
    if (this.isEmpty || text === '') return [];
    const toks = [...tokens(text)];
    const hits: Hit[] = [];
    let coveredUntil = -1;
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i]!;
      if (tok.start < coveredUntil) continue;
      const hit = this.hitAt(toks, i, field);
      if (hit) {
        hits.push(hit);
        coveredUntil = hit.end;
      }
    }
    return hits;
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
      } else if (this.tokenMatches(t, tok)) {
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
      const ok = tok.term === seq[k] || (isLast && !t.source.isPhrase && tok.term.startsWith(seq[k]!));
      if (!ok) return null;
    }
    return toks[i + seq.length - 1]!.end;
  }
}
