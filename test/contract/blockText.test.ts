/**
 * Hit offsets cross the bridge as positions in a block's plain text, computed in main and applied in
 * the renderer. The two layers may not import each other, so each has its own blockText; this test
 * holds them to the same definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../preload/contract.ts';
import { blockText as mainBlockText } from '../../main/library/text/blocks.ts';

// Loaded by URL: the type projects keep renderer/ and main/ apart, and this test is the one place that needs both.
const rendererModule = new URL('../../renderer/src/features/reader/blockText.ts', import.meta.url).href;
const { blockText: rendererBlockText } = (await import(rendererModule)) as { blockText: (b: Block) => string };

const text = fc.string({ maxLength: 12 });
const inline: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constant('text' as const), text }),
    fc.record({ type: fc.constant('code' as const), text }),
    fc.constant({ type: 'break' as const }),
    fc.record({ type: fc.constant('emphasis' as const), children: fc.array(tie('inline'), { maxLength: 3 }) }),
    fc.record({ type: fc.constant('strong' as const), children: fc.array(tie('inline'), { maxLength: 3 }) }),
    fc.record({
      type: fc.constant('link' as const),
      href: fc.constant('https://example.org'),
      children: fc.array(tie('inline'), { maxLength: 3 }),
    }),
  ),
})).inline;
const runs = fc.array(inline, { maxLength: 4 });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), children: runs }),
  fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom(1, 2, 3, 4, 5, 6) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6>,
    children: runs,
  }),
  fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(runs, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('quote' as const), children: runs }),
  fc.record({ type: fc.constant('code' as const), language: fc.option(fc.constant('js'), { nil: null }), text }),
  fc.record({ type: fc.constant('figure' as const), src: fc.constant('a.png'), alt: text, caption: runs }),
  fc.constant({ type: 'rule' as const }),
);

describe('the plain text of a block', () => {
  it('is the same in main, where hits are found, and in the renderer, where they are marked', () => {
    fc.assert(
      fc.property(block, (b) => {
        expect(rendererBlockText(b)).toBe(mainBlockText(b));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
