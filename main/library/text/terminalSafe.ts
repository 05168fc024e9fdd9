/**
 * Text from articles and file names made safe to print to a terminal: every control character but tab and
 * newline (C0, DEL, C1: ESC starts colour and title sequences, CR rewrites the line, U+009B is a one-byte CSI)
 * and every bidi embedding, override and isolate (U+202A–U+202E, U+2066–U+2069, which reorder what follows)
 * is shown as an escape, `\x1b` or `\u202e`, instead of being written out. JSON output needs none of this.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
