import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  elementsOf,
  isElement,
  MAX_TREE_DEPTH,
  parseHtmlDocument,
  parseHtmlFragment,
  tagOf,
  textOf,
  type HtmlNode,
} from './htmlTree.ts';

function maxDepth(root: HtmlNode): number {
  let max = 0;
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of childrenOf(n)) stack.push([c, d + 1]);
  }
  return max;
}

describe('parseHtmlDocument', () => {
  it('nests no deeper than Chromium and keeps the deeper elements as siblings with their text', () => {
    const doc = parseHtmlDocument(`${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}<p>after</p>`);
    expect(maxDepth(doc)).toBeLessThanOrEqual(MAX_TREE_DEPTH + 2);
    expect(textOf(doc)).toBe('deepafter');
    expect([...elementsOf(doc)].filter((e) => tagOf(e) === 'DIV')).toHaveLength(5000);
  });

  it('builds html, head and body whatever the source spells out, and puts text after </html> in the body', () => {
    const doc = parseHtmlDocument('<title>T</title>before</body></html>after');
    const body = [...elementsOf(doc)].find((e) => tagOf(e) === 'BODY')!;
    expect(textOf(body)).toBe('beforeafter');
  });

  it('joins text handed over in many pieces into one text node', () => {
    const fragment = parseHtmlFragment(`<p>${'word &amp; '.repeat(1000)}</p>`);
    const p = childrenOf(fragment).find(isElement)!;
    expect(childrenOf(p)).toHaveLength(1);
    expect(textOf(p)).toBe('word & '.repeat(1000));
  });
});
