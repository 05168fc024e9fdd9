/**
 * Text normalisation shared by the index and the highlighter, so that what FTS5 matches
 * (unicode61 with remove_diacritics 2) and what the reader marks agree.
 */

const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Case- and accent-folds a word: "Zürich" → "zurich", "CAFÉ" → "cafe". */
export function fold(word: string): string {
  // Capital sigma one letter at a time, as FTS5 does: toLowerCase() would give "ς" at the end of a word.
  const lower = word.replaceAll('Σ', 'σ').toLowerCase();
  // Fast path: ASCII needs no decomposition.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

/** Scripts written without spaces between words: each character is a token of its own. */
const SPACELESS_CJK = String.raw`[[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Bopomofo}]&&[\p{L}\p{N}]]`;
const SPACELESS_SEA = String.raw`[[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]&&\p{L}]`;
const SPACELESS_CHAR = `${SPACELESS_CJK}|${SPACELESS_SEA}\\p{M}*`;
/** A character that begins a one-character token, for set subtraction below. */
const SPACELESS_START = `[${SPACELESS_CJK}${SPACELESS_SEA}]`;
const SPACELESS_TEST = new RegExp(`(?:${SPACELESS_CHAR})`, 'v');
const SPACELESS_ALL = new RegExp(`(?:${SPACELESS_CHAR})`, 'gv');

export function hasSpaceless(text: string): boolean {
  return SPACELESS_TEST.test(text);
}

const NON_TOKEN = /[^\p{L}\p{N}\p{M}\p{Co}\s]+/gu;

/**
 * The text FTS5 indexes: spaceless scripts get a space around every character, so a run of
 * two or more characters can be found anywhere as a phrase of one-character tokens.
 */
export function indexText(text: string): string {
  // unicode61's tables are Unicode 6.1, and it reads characters assigned since then as parts of words:
  // "\u2067عربي\u2069" (bidi isolates) or "₽100" would each be one token that no query could find.
  // Every character `tokens` does not keep becomes a plain space, so both split words in the same places.
  const separated = text.replace(NON_TOKEN, ' ');
  if (!hasSpaceless(separated)) return separated;
  return separated.replace(SPACELESS_ALL, ' $& ');
}

/**
 * Tokens as the index sees them, with their offsets in the original string (UTF-16 units).
 * unicode61 treats letters, numbers and marks as token characters and everything else as a separator.
 * A mark only continues a token: the one after an emoji ("❤️", U+FE0F) indexes nothing, so as a
 * query word it would find nothing.
 */
// Written with set subtraction rather than a lookahead per character: the same tokens, several times faster.
const TOKEN = new RegExp(
  `(${SPACELESS_CHAR})|[[\\p{L}\\p{N}\\p{Co}]--${SPACELESS_START}][[\\p{L}\\p{N}\\p{M}\\p{Co}]--${SPACELESS_START}]*`,
  'gv',
);

export interface Token {
  /** folded form */
  term: string;
  start: number;
  end: number;
  spaceless: boolean;
}

export function* tokens(text: string): Generator<Token> {
  // exec in a loop: matchAll's iterator and match objects cost more than the regex itself here.
  const re = new RegExp(TOKEN);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[0];
    yield { term: fold(raw), start: m.index, end: m.index + raw.length, spaceless: m[1] !== undefined };
  }
}

/** Folded form of a whole string, for exact-title comparison. */
export function titleKey(text: string): string {
  const parts: string[] = [];
  for (const t of tokens(text)) parts.push(t.term);
  return parts.join(' ');
}
