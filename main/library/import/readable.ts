import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { childrenOf, isElement, isText, tagOf, type HtmlDocument, type HtmlElement, type HtmlNode } from './htmlTree.ts';

export type Article = ReturnType<Readability<string>['parse']>;

type LDocument = ReturnType<typeof parseHTML>['document'];
type LNode = LDocument['body'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/**
 * Left out: Readability removes them first thing, and the blocks drop them anyway. Scripts stay only as JSON-LD,
 * which tells Readability the title, byline and date.
 */
const SKIPPED = new Set(['STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED']);

function copyAttributes(from: HtmlElement, to: LNode): void {
  for (const a of from.attrs) {
    try {
      to.setAttribute(a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
    } catch {
      // A name the DOM refuses (the HTML parser accepts `"` or `<` in names): Readability has no use for it.
    }
  }
}

function isSkipped(el: HtmlElement): boolean {
  const name = tagOf(el);
  if (name === 'SCRIPT') return !/^\s*application\/ld\+json\s*$/iu.test(el.attrs.find((a) => a.name === 'type')?.value ?? '');
  return SKIPPED.has(name);
}

/**
 * The browser-built tree rebuilt as a linkedom DOM, which Readability needs, top down and without recursion.
 * Building it node by node, rather than handing linkedom the page as HTML, keeps linkedom's own parser, which
 * does not parse as a browser does, out of it; it also makes one text node where that parser makes one per
 * character reference (a page of 480,000 `&amp;` was 960,000 nodes).
 */
function toLinkedom(doc: HtmlDocument): LDocument {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const html = childrenOf(doc).find((n): n is HtmlElement => isElement(n) && tagOf(n) === 'HTML');
  if (!html) return document;
  copyAttributes(html, document.documentElement as never);
  const stack: [HtmlNode, LNode][] = [];
  for (const part of childrenOf(html)) {
    if (!isElement(part)) continue;
    const target = tagOf(part) === 'HEAD' ? document.head : tagOf(part) === 'BODY' ? document.body : null;
    if (!target) continue;
    copyAttributes(part, target);
    const kids = part.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, target]);
    while (stack.length > 0) {
      const [node, parent] = stack.pop()!;
      if (isText(node)) {
        parent.appendChild(document.createTextNode(node.value));
        continue;
      }
      if (!isElement(node) || isSkipped(node)) continue;
      const el = (
        node.namespaceURI === HTML_NS ? document.createElement(node.tagName) : document.createElementNS(node.namespaceURI, node.tagName)
      ) as LNode;
      copyAttributes(node, el);
      parent.appendChild(el);
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, el]);
    }
  }
  return document;
}

/** Readability's pick of the main article, or null where it finds none or fails. */
export function readArticle(doc: HtmlDocument): Article {
  try {
    return new Readability(toLinkedom(doc) as never, { charThreshold: 200, keepClasses: true }).parse();
  } catch {
    return null;
  }
}
