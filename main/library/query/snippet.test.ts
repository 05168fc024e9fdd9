import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hit } from './matcher.ts';
import type { Segment } from '../../../common/contract.ts';
import { snippet } from './snippet.ts';

const squash = (s: string): string => s.replace(/\s+/gu, ' ');
const body = (segs: Segment[]): Segment[] => segs.filter((s, i) => !(s.text === '…' && !s.hit && (i === 0 || i === segs.length - 1)));

/** Text with markup-looking pieces, entities, astral characters and runs of white space; hits on arbitrary ranges. */
const textAndHits = fc
  .array(
    fc.oneof(
      fc.constantFrom('<img src=x onerror=alert(1)>', '&lt;b&gt;', '<b>', '&amp;', ' ', '  \n\t', 'word', '🎉', '𝒳', 'é', '…', '"', "'"),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((a) => a.join(''))
  .chain((text) =>
    fc.record({
      text: fc.constant(text),
      hits: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, text.length - 1) }), { maxLength: 12 }).map((points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const hits: Hit[] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) hits.push({ start: sorted[i]!, end: sorted[i + 1]!, term: i % 3 });
        return hits;
      }),
    }),
  );

describe('snippet', () => {
  it('returns the whole short text with its hits marked', () => {
    expect(snippet('a cafe here', [{ start: 2, end: 6, term: 0 }])).toEqual([
      { text: 'a ', hit: false },
      { text: 'cafe', hit: true },
      { text: ' here', hit: false },
    ]);
  });

  it('returns no segments for empty text and one plain segment without hits', () => {
    expect(snippet('', [])).toEqual([]);
    expect(snippet('plain text', [])).toEqual([{ text: 'plain text', hit: false }]);
  });

  it('cuts a window around the hits and marks the cuts with ellipses', () => {
    const text = `${'lorem '.repeat(100)}needle ${'ipsum '.repeat(100)}`;
    const start = text.indexOf('needle');
    const segs = snippet(text, [{ start, end: start + 6, term: 0 }], 60);
    expect(segs[0]).toEqual({ text: '…', hit: false });
    expect(segs.at(-1)).toEqual({ text: '…', hit: false });
    expect(segs.filter((s) => s.hit)).toEqual([{ text: 'needle', hit: true }]);
    expect(segs[1]!.text.startsWith('lorem')).toBe(true);
  });

  it('prefers the window with the most distinct terms', () => {
    const text = `alpha ${'x '.repeat(200)}alpha beta gamma ${'y '.repeat(200)}`;
    const at = (w: string, from = 0) => text.indexOf(w, from);
    const hits: Hit[] = [
      { start: 0, end: 5, term: 0 },
      { start: at('alpha', 10), end: at('alpha', 10) + 5, term: 0 },
      { start: at('beta'), end: at('beta') + 4, term: 1 },
      { start: at('gamma'), end: at('gamma') + 5, term: 2 },
    ];
    expect(
      snippet(text, hits, 60)
        .filter((s) => s.hit)
        .map((s) => s.text),
    ).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('keeps markup and entities in the text as they are, since segments are text and never HTML', () => {
    const text = 'x <img src=x onerror=alert(1)> &lt;b&gt; &amp; <script>y</script>';
    const segs = snippet(text, [{ start: 7, end: 10, term: 0 }]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.hit)!.text).toBe('src');
  });

  it('never splits a surrogate pair at the window edges', () => {
    const text = `${'🎉'.repeat(200)}x${'𝒳'.repeat(200)}`;
    const segs = snippet(text, [{ start: 400, end: 401, term: 0 }], 51);
    for (const s of segs) expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
  });

  it('gives non-empty segments whose text is a piece of the text, with every hit inside the window marked', () => {
    fc.assert(
      fc.property(textAndHits, ({ text, hits }) => {
        const segs = snippet(text, hits);
        for (const s of segs) {
          expect(typeof s.text).toBe('string');
          expect(s.text).not.toBe('');
        }
        const shown = body(segs);
        // White space is collapsed per segment, so compare with runs of white space squashed.
        expect(squash(text)).toContain(squash(shown.map((s) => s.text).join('')).trim());
        for (const s of shown.filter((x) => x.hit)) expect(squash(text)).toContain(squash(s.text).trim());
        expect(segs.length === 0).toBe(text === '');
        expect(shown.reduce((n, s) => n + s.text.length, 0)).toBeLessThanOrEqual(180 + 40 + 2);
      }),
      { seed: 51, numRuns: 3000 },
    );
  });

  it('marks each hit that lies wholly inside a short text exactly', () => {
    fc.assert(
      fc.property(textAndHits, ({ text, hits }) => {
        fc.pre(text.length <= 180 && !/\s/u.test(text));
        const marked = snippet(text, hits)
          .filter((s) => s.hit)
          .map((s) => s.text);
        expect(marked).toEqual(hits.filter((h) => h.end > h.start).map((h) => text.slice(h.start, h.end)));
      }),
      { seed: 53, numRuns: 3000 },
    );
  });
});
