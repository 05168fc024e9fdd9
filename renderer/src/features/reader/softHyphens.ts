/**
 * Soft hyphens in the rendered text, and the arithmetic that keeps them out of block offsets.
 *
 * Justified text needs hyphenation, and CSS `hyphens: auto` only hyphenates where the engine has a
 * dictionary: Electron has none on Windows and Linux (electron/electron#33692). So the reader inserts
 * U+00AD itself (hyphen's TeX patterns). The soft hyphens exist only in the DOM: every offset that
 * leaves it (selection, highlights, the reading position) is counted without them.
 */
export const SHY = '\u00ad';

/** The length of a leaf's text as the block's plain text counts it. */
export function plainLength(domText: string): number {
  let n = 0;
  for (let i = 0; i < domText.length; i++) if (domText.charCodeAt(i) !== 0xad) n++;
  return n;
}

/** A DOM offset in a leaf's text node as an offset in its plain text. */
export function toPlainOffset(domText: string, domOffset: number): number {
  return plainLength(domText.slice(0, domOffset));
}

/** An offset in a leaf's plain text as the DOM offset of that character (past any soft hyphens before it). */
export function toDomOffset(domText: string, plainOffset: number): number {
  let plain = 0;
  for (let i = 0; i < domText.length; i++) {
    if (domText.charCodeAt(i) === 0xad) continue;
    if (plain === plainOffset) return i;
    plain++;
  }
  return domText.length;
}

export function withoutSoftHyphens(text: string): string {
  return text.includes(SHY) ? text.replaceAll(SHY, '') : text;
}
