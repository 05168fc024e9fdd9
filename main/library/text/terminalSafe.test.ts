import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminalSafe.ts';

describe('terminalSafe', () => {
  it('shows escape, operating-system-command and bell bytes of a file name as escapes', () => {
    expect(terminalSafe('esc\x1b[31mred\x1b]0;title\x07.md')).toBe('esc\\x1b[31mred\\x1b]0;title\\x07.md');
  });

  it('shows a carriage return, DEL and a C1 control such as U+009B as escapes', () => {
    expect(terminalSafe('fake\rline')).toBe('fake\\x0dline');
    expect(terminalSafe('del\x7f')).toBe('del\\x7f');
    expect(terminalSafe('csi\u009b31m title')).toBe('csi\\u009b31m title');
  });

  it('shows bidi overrides and isolates as escapes and keeps marks, tabs, newlines and other text', () => {
    expect(terminalSafe('cod\u202eexe.md \u2066x\u2069')).toBe('cod\\u202eexe.md \\u2066x\\u2069');
    expect(terminalSafe('tab\tnew\nline \u200f café 東京 🙂 \\x1b')).toBe('tab\tnew\nline \u200f café 東京 🙂 \\x1b');
  });

  it('never leaves a control character other than tab and newline, or a bidi override, in its output', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(terminalSafe(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
