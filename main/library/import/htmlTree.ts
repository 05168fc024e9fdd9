import { defaultTreeAdapter, parse, parseFragment, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';

/**
 * HTML parsed as a browser parses it (parse5 follows the WHATWG tree-construction rules): text after a stray
 * `</body>` or `</html>` is body text, `<p>` breaks out of an unclosed `<svg>`, `<!-->` and `--!>` end
 * comments, tables foster-parent their stray text. The tree is then only read, never serialized into an article.
 */

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Map_ = DefaultTreeAdapterTypes.DefaultTreeAdapterMap;

/**
 * Chromium's parser stops nesting at this depth and adds deeper elements as siblings of the deepest one
 * (kMaximumHTMLParserDOMTreeDepth); so does this one, which keeps a million nested `<div>`s a flat,
 * readable list and every walk over the tree shallow.
 */
export const MAX_TREE_DEPTH = 512;

const DEPTH = Symbol('depth');
type Deep = { [DEPTH]?: number };

/**
 * A tree adapter that caps nesting the way Chromium does and keeps text flat; one per parse, as it remembers
 * each element's depth and the text node being written. The tokenizer hands text over a word and a space at a
 * time, and appending each to the node's string builds a rope several times the text's size (a 20 MB page
 * held 400 MB of it): the pieces are gathered and joined once, when anything else is added.
 */
function leanAdapter(): { adapter: TreeAdapter<Map_>; finish: () => void } {
  // Kept on the node itself: a WeakMap of a million elements costs more in the garbage collector than the parse.
  const depthOf = (n: object): number => (n as Deep)[DEPTH] ?? 0;
  const setDepth = (n: object, d: number): void => void ((n as Deep)[DEPTH] = d);
  let open: { node: DefaultTreeAdapterTypes.TextNode; pieces: string[] } | null = null;
  const close = (): void => {
    if (open) open.node.value = open.pieces.join('');
    open = null;
  };
  const adapter: TreeAdapter<Map_> = {
    ...defaultTreeAdapter,
    appendChild(parent: HtmlParent, node: ChildNode): void {
      close();
      let target = parent;
      if (depthOf(target) >= MAX_TREE_DEPTH && 'parentNode' in target && target.parentNode) target = target.parentNode;
      defaultTreeAdapter.appendChild(target, node);
      if ('tagName' in node) setDepth(node, depthOf(target) + 1);
    },
    insertBefore(parent: HtmlParent, node: ChildNode, reference: ChildNode): void {
      close();
      defaultTreeAdapter.insertBefore(parent, node, reference);
      if ('tagName' in node) setDepth(node, depthOf(parent) + 1);
    },
    detachNode(node: ChildNode): void {
      close();
      defaultTreeAdapter.detachNode(node);
    },
    insertText(parent: HtmlParent, text: string): void {
      const last = parent.childNodes.at(-1);
      if (open && last === open.node) return void open.pieces.push(text);
      if (last && isText(last)) {
        close();
        open = { node: last, pieces: [last.value, text] };
        return;
      }
      const node = defaultTreeAdapter.createTextNode(text);
      adapter.appendChild(parent, node);
      open = { node, pieces: [text] };
    },
    insertTextBefore(parent: HtmlParent, text: string, reference: ChildNode): void {
      close();
      defaultTreeAdapter.insertTextBefore(parent, text, reference);
    },
    getTextNodeContent(node: DefaultTreeAdapterTypes.TextNode): string {
      close();
      return node.value;
    },
    // A template's contents hang off it rather than under it; they count as deeper all the same.
    setTemplateContent(template: DefaultTreeAdapterTypes.Template, content: DefaultTreeAdapterTypes.DocumentFragment): void {
      defaultTreeAdapter.setTemplateContent(template, content);
      setDepth(content, depthOf(template));
    },
  };
  return { adapter, finish: close };
}

/** A whole page: `<html>`, `<head>` and `<body>` are always there, whatever the source spelled out. */
export function parseHtmlDocument(source: string): HtmlDocument {
  const { adapter, finish } = leanAdapter();
  const doc = parse(source, { treeAdapter: adapter });
  finish();
  return doc;
}

/** Markup that belongs inside a `<body>` (rendered Markdown, Readability's pick). */
export function parseHtmlFragment(source: string): DefaultTreeAdapterTypes.DocumentFragment {
  const { adapter, finish } = leanAdapter();
  const fragment = parseFragment(source, { treeAdapter: adapter });
  finish();
  return fragment;
}

export const isElement = (n: HtmlNode): n is HtmlElement => 'tagName' in n;
export const isText = (n: HtmlNode): n is DefaultTreeAdapterTypes.TextNode => n.nodeName === '#text';

/** The element's tag in upper case, as the DOM's nodeName gives it for HTML elements. */
export const tagOf = (el: HtmlElement): string => el.tagName.toUpperCase();

export function attrOf(el: HtmlElement, name: string): string | null {
  for (const a of el.attrs) if (a.name === name && !a.prefix) return a.value;
  return null;
}

export const childrenOf = (n: HtmlNode): readonly ChildNode[] => ('childNodes' in n ? n.childNodes : []);

/** The text of a subtree, like the DOM's textContent, without recursion (template contents are not children). */
export function textOf(node: HtmlNode): string {
  if (isText(node)) return node.value;
  const parts: string[] = [];
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.value);
    else {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('');
}

/** Each element of the subtree in document order, without recursion; `skip` prunes an element's subtree. */
export function* elementsOf(root: HtmlNode, skip?: (el: HtmlElement) => boolean): Generator<HtmlElement> {
  const stack: HtmlNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    yield n;
    if (skip?.(n)) continue;
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}
