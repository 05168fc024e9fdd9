import type { Block, Inline } from '../../../common/blocks.ts';
import { parseDateLine } from './dates.ts';

/**
 * Headings in plain text. Marked ones are taken wherever they stand: a Wikipedia-style `== History ==`
 * line (what MediaWiki's plain-text extracts print) and a line underlined with `===` or `---` (READMEs).
 * Unmarked ones are guessed from how plain text is laid out by hand: a short line standing alone between
 * blank lines, without the punctuation that ends a sentence, followed by prose, as chapter titles are in
 * Project Gutenberg books. A guess is only kept when the article has several of them.
 *
 * Linear in the text: each line is looked at a bounded number of times, and a regular expression only
 * ever reads a line already known to be short.
 */

/** Unmarked headings a text must have before any is believed: one or two short lines are as likely a caption, a sign-off or a stray label. */
const MIN_GUESSED_HEADINGS = 3;
/** A heading is short: in characters (CJK ones count twice, as they are set twice as wide) and in words. */
const MAX_WIDTH = 80;
const MAX_WORDS = 12;
/** A marked heading may be longer, but a line of thousands of `=` is no heading. */
const MAX_MARKED = 200;

/** What ends a sentence or a clause: a line ending so is prose, not a title. Dashes: an interrupted line. */
const END_PUNCTUATION = new Set('.!?:;,…‥。！？：；，、・-‐–—'.split(''));
/** A line ending in a closing quote is speech or a quotation. */
const CLOSING_QUOTES = new Set('"”’\'»›」』'.split(''));
const OPENING_QUOTES = new Set('"“‘\'«‹„「『'.split(''));
/** What may close a line after its last word: brackets, and the `_italics_`, `*bold*` and comment-like layout marks of plain-text books. */
const CLOSERS = new Set(')]）〕］】_*/ '.split(''));
const BULLETS = new Set('-*•‣◦·+–—>'.split(''));
const WIDE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const BY_LINE = /^by\s+\S/iu;
const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty first second third fourth fifth sixth seventh eighth ninth tenth last'
  ).split(' '),
);
/** A label and its number, then perhaps the title on the same line ("CHAPTER 1. Loomings."). */
const LABELS = /^(?:chapter|part|book|volume|section|act|scene|canto|stave|letter)\s+([^\s.:]+)[.:]?(?:\s|$)/iu;

export type Piece = { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string } | { kind: 'text'; lines: string[] };

/** `== History ==` → level 2, "History"; the same run of `=` must close the line. */
export function wikiHeading(line: string): { level: 1 | 2 | 3 | 4 | 5 | 6; text: string } | null {
  if (firstMark(line) !== '=') return null;
  const s = line.trim();
  if (s.length < 3 || s.length > MAX_MARKED || s[0] !== '=') return null;
  let open = 0;
  while (s[open] === '=') open++;
  let close = 0;
  while (close < s.length - open && s[s.length - 1 - close] === '=') close++;
  if (open !== close || open > 6) return null;
  const text = s.slice(open, s.length - close).trim();
  if (text === '' || text.startsWith('=') || text.endsWith('=')) return null;
  return { level: open as 1 | 2 | 3 | 4 | 5 | 6, text };
}

/** A line of only `=` (level 1) or only `-` (level 2), three or more: it underlines the line above. */
export function underlineLevel(line: string): 1 | 2 | null {
  const mark = firstMark(line);
  if (mark !== '=' && mark !== '-') return null;
  const s = line.trim();
  if (s.length < 3 || s.length > MAX_MARKED || (s[0] !== '=' && s[0] !== '-')) return null;
  for (const c of s) if (c !== s[0]) return null;
  return s[0] === '=' ? 1 : 2;
}

/** The line's first character after its indentation (most lines are told apart by it before any copy is made). */
function firstMark(line: string): string | undefined {
  let k = 0;
  while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  return line[k];
}

function isUnderlinable(line: string): boolean {
  const s = line.trim();
  return s.length <= MAX_WIDTH && /\p{L}/u.test(s) && underlineLevel(s) === null;
}

/** A chunk of text (the lines between blank lines) split at its marked headings. */
export function splitMarked(lines: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) pieces.push({ kind: 'text', lines: run });
    run = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const wiki = wikiHeading(line);
    // Only the first line of a paragraph: a rule under the last line of a code sample or a list underlines nothing.
    const under = k === 0 && lines.length > 1 ? underlineLevel(lines[1]!) : null;
    if (wiki) {
      flush();
      pieces.push({ kind: 'heading', ...wiki });
    } else if (under && isUnderlinable(line)) {
      flush();
      pieces.push({ kind: 'heading', level: under, text: line.trim() });
      k++;
    } else run.push(line);
  }
  flush();
  return pieces;
}

/** "CHAPTER I.", "Chapter 12", "PART TWO", "CHAPTER 1. Loomings.", and a Roman numeral alone ("IV."). */
export function isChapterLabel(line: string): boolean {
  const s = line.trim();
  if (s.length > MAX_WIDTH) return false;
  if (/^[IVXLCDM]{1,8}[.:]?$/u.test(s)) return true;
  // "IV. THE BOSCOMBE VALLEY MYSTERY"; a lone C, D, L or M before a dot is more often an initial ("C. S. Lewis").
  const numbered = /^(?:[IVX]|[IVXLCDM]{2,8})\. (.+)$/u.exec(s);
  if (numbered) return isTitleLike(numbered[1]!);
  const m = LABELS.exec(s);
  if (!m) return false;
  const n = m[1]!.toLowerCase();
  return /^(?:\d{1,4}|[ivxlcdm]{1,8})$/u.test(n) || NUMBER_WORDS.has(n) || n.split('-').every((w) => NUMBER_WORDS.has(w));
}

/** The line ends as a sentence, a clause or a quotation does, also inside what closes it ("(he said so.)", "_Sept. 6_."). */
function endsLikeProse(s: string): boolean {
  let end = s.length;
  while (end > 1 && CLOSERS.has(s[end - 1]!)) end--;
  const last = s[end - 1]!;
  return END_PUNCTUATION.has(last) || CLOSING_QUOTES.has(last);
}

/** The line could be a title: short, no lower-case first letter, and nothing that marks prose, a list, a date or an address. */
export function isTitleLike(line: string): boolean {
  const s = line.trim();
  if (s.length === 0 || s.length > MAX_WIDTH) return false;
  if ((WIDE.test(s) ? s.length * 2 : s.length) > MAX_WIDTH) return false;
  if (s.split(' ').length > MAX_WORDS || s.includes('\t') || s.includes('   ')) return false;
  if (endsLikeProse(s) || OPENING_QUOTES.has(s[0]!)) return false;
  // An aside or an editor's note in brackets, such as Project Gutenberg's "[Illustration]".
  if ((s[0] === '[' && s.endsWith(']')) || (s[0] === '(' && s.endsWith(')'))) return false;
  if (BULLETS.has(s[0]!) && s[1] === ' ') return false;
  const firstLetter = /\p{L}/u.exec(s);
  if (!firstLetter || /\p{Ll}/u.test(firstLetter[0])) return false;
  if (s.includes('://') || s.startsWith('www.') || s.includes('@')) return false;
  return !BY_LINE.test(s) && !(/\d/u.test(s) && parseDateLine(s) !== null);
}

/** The inline runs of a guessed heading: its lines, kept apart by a break as the text had them. */
function runsOf(lines: readonly string[]): Inline[] {
  const runs: Inline[] = [];
  lines.forEach((l, k) => {
    if (k > 0) runs.push({ type: 'break' });
    runs.push({ type: 'text', text: l.trim() });
  });
  return runs;
}

/** A chunk that may be an unmarked heading: one title-like line, or a chapter label with its title under it. */
function guessedLines(chunk: readonly Piece[]): string[] | null {
  if (chunk.length !== 1 || chunk[0]!.kind !== 'text') return null;
  const { lines } = chunk[0]!;
  if (isCodeIndent(lines[0]!)) return null;
  if (lines.length === 1) return isTitleLike(lines[0]!) || isChapterLabel(lines[0]!) ? lines : null;
  // Under a chapter label, the line is its title whatever it ends with ("Who Stole the Tarts?").
  if (lines.length === 2 && isChapterLabel(lines[0]!) && lines[1]!.trim().length <= MAX_WIDTH && /\p{L}/u.test(lines[1]!)) return lines;
  return null;
}

/**
 * Indented by a tab or by four to nine spaces: a code sample or a quoted line. A title is set flush, or
 * centred by many spaces, as in Project Gutenberg books.
 */
function isCodeIndent(line: string): boolean {
  if (line[0] === '\t') return true;
  let n = 0;
  while (n < 10 && line[n] === ' ') n++;
  return n >= 4 && n < 10;
}

/** Prose: a chunk of more than one line, or one line that reads as a sentence or is too long for a title. */
function isProse(chunk: readonly Piece[]): boolean {
  const first = chunk[0];
  if (!first || first.kind !== 'text') return false;
  if (first.lines.length > 1 || chunk.length > 1) return true;
  const s = first.lines[0]!.trim();
  return s.length > MAX_WIDTH || endsLikeProse(s);
}

/**
 * The chunks whose single text piece is a heading after all, as the lines it is made of. A guess must be
 * followed by prose (a title introduces something; a last line is a sign-off), must not stand in a row of
 * three or more short lines (a list, a poem, an address), and must not repeat ("Advertisement"). Fewer
 * than MIN_GUESSED_HEADINGS guesses surviving that: none is believed.
 */
export function guessHeadings(chunks: readonly (readonly Piece[])[]): Map<number, string[]> {
  const guesses = chunks.map(guessedLines);
  // Inside a bracketed note that spans blank lines ("[Illustration: … ]" in Project Gutenberg books) nothing is a heading.
  let depth = 0;
  chunks.forEach((chunk, k) => {
    const before = depth;
    for (const piece of chunk) if (piece.kind === 'text') for (const line of piece.lines) depth = Math.max(0, depth + bracketBalance(line));
    if (before > 0 || depth > 0) guesses[k] = null;
  });
  const kept = new Map<number, string[]>();
  for (let k = 0; k < chunks.length;) {
    if (!guesses[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < chunks.length && guesses[end]) end++;
    if (end - k <= 2 && end < chunks.length && isProse(chunks[end]!)) {
      // A chapter label opens its section: a short line just before it closes the last one (a signature).
      const isSignOff = end - k === 2 && !isChapterLabel(guesses[k]![0]!) && isChapterLabel(guesses[k + 1]![0]!);
      for (let j = isSignOff ? k + 1 : k; j < end; j++) kept.set(j, guesses[j]!);
    }
    k = end;
  }
  const seen = new Map<string, number>();
  for (const lines of kept.values()) {
    const key = lines.join(' ').toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [k, lines] of kept) if (seen.get(lines.join(' ').toLowerCase())! > 1) kept.delete(k);
  return kept.size >= MIN_GUESSED_HEADINGS ? kept : new Map();
}

/** How many more square brackets the line opens than it closes. */
function bracketBalance(line: string): number {
  if (!line.includes('[') && !line.includes(']')) return 0;
  let n = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0x5b) n++;
    else if (c === 0x5d) n--;
  }
  return n;
}

/** The heading block for a guessed heading's lines (guesses are sections: level 2, under the title). */
export function guessedHeading(lines: readonly string[]): Block {
  return { type: 'heading', level: 2, children: runsOf(lines) };
}
