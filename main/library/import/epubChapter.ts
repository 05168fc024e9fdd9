import { defaultTreeAdapter } from 'parse5';
import { figureTextRuns, inlineText, type Block } from '../../../common/blocks.ts';
import { blocksFromDom } from './domBlocks.ts';
import {
  attrOf,
  childrenOf,
  elementsOf,
  parseHtmlDocument,
  tagOf,
  textOf,
  type HtmlElement,
  type HtmlNode,
  type HtmlParent,
} from './htmlTree.ts';
import { resolveHref } from './epubPackageDocument.ts';
import type { TocEntry } from './epubToc.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const CONTAINERS = new Set(['BODY', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BLOCKQUOTE', 'ASIDE', 'HEADER', 'FOOTER']);
const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * A content document is XHTML, where `<title/>` or `<a id="x"/>` is a whole element; an HTML parser
 * would read each as an open tag and swallow what follows (the body, into the title). Spelling such
 * tags out as open and close lets the HTML path (the one .html files take, which drops scripts, styles
 * and remote references) read the chapter as an XHTML reader would. No part of a tag may hold a `<` (XML
 * allows none in attribute values), so a match never runs on into the next tag and the pass stays linear.
 */
export function openSelfClosing(source: string): string {
  return source.replace(
    /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>]+))?)*)\s*\/>/gu,
    (whole, tag: string, attrs: string) => (VOID.has(tag.toLowerCase()) ? whole : `<${tag}${attrs}></${tag}>`),
  );
}

/** The element a TOC entry points at, lifted out of inline markup to a place where a heading can stand. */
function anchorFor(
  body: HtmlElement,
  ids: Map<string, HtmlElement>,
  fragment: string | null,
): { parent: HtmlParent; before: HtmlElement | null } {
  let target = fragment ? ids.get(fragment) : undefined;
  if (!target) return { parent: body, before: (childrenOf(body).find((c) => 'tagName' in c) as HtmlElement | undefined) ?? null };
  while (target.parentNode && 'tagName' in target.parentNode && !CONTAINERS.has(tagOf(target.parentNode))) target = target.parentNode;
  return { parent: target.parentNode ?? body, before: target };
}

/** The elements a fragment can name (id, or an old `<a name>`), the first of each, gathered in one walk. */
function targets(body: HtmlElement): Map<string, HtmlElement> {
  const ids = new Map<string, HtmlElement>();
  for (const el of elementsOf(body)) {
    const id = attrOf(el, 'id') ?? (tagOf(el) === 'A' ? attrOf(el, 'name') : null);
    if (id !== null && !ids.has(id)) ids.set(id, el);
  }
  return ids;
}

/** How far past an anchor the chapter's own heading may stand: a few wrappers, not the rest of the chapter. */
const LOOK_AHEAD = 40;

/**
 * What the chapter already has where the entry points: a heading that says the entry's title (nothing to
 * add), a paragraph that says only the title (a heading set as bold text, to be made a heading), or neither.
 */
function existing(start: HtmlElement | null, title: string): { isHeading: boolean; el: HtmlElement } | null {
  if (!start) return null;
  let first: HtmlElement | null = null;
  for (const el of [start, ...take(elementsOf(start), LOOK_AHEAD)]) {
    if (/^(H[1-6]|P)$/u.test(tagOf(el)) && textOf(el).trim() !== '') {
      first = el;
      break;
    }
  }
  if (!first) return null;
  const [a, b] = [squash(textOf(first)), squash(title)];
  if (tagOf(first) === 'P') return a === b ? { isHeading: false, el: first } : null;
  return a.includes(b) || b.includes(a) ? { isHeading: true, el: first } : null;
}

function take<T>(items: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= count) break;
    out.push(item);
  }
  return out;
}

/** Image types a book's pictures are served as (assets.ts serves the same). */
const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|bmp)$/iu;

/** An aside a book's links point to for its notes (EPUB 3 semantics), which a web page's asides (dropped) are not. */
const NOTE = /(?:^|\s)(?:footnote|endnote|rearnote|note)s?(?:\s|$)/u;

/** One spine document, parsed, with the headings its TOC entries put in it. */
export interface Chapter {
  path: string;
  body: HtmlElement | null;
  /** The heading a TOC entry with this fragment ('' for none) stands at: the chapter's, or one the entry added or made. */
  headings: Map<string, HtmlElement>;
  /** The heading of the first TOC entry into this chapter: where a link to the chapter, with no fragment, goes. */
  title: HtmlElement | null;
}

/**
 * One spine document (at `path` inside the book), parsed: each TOC entry pointing into it becomes a
 * heading where it points, unless the chapter already has that heading there. Notes in asides are kept
 * as text, since a book's note references link to them.
 */
export function readChapter(source: string, entries: TocEntry[], path = ''): Chapter {
  const doc = parseHtmlDocument(openSelfClosing(source));
  const body = [...elementsOf(doc)].find((el) => tagOf(el) === 'BODY') ?? null;
  const chapter: Chapter = { path, body, headings: new Map(), title: null };
  if (!body) return chapter;
  for (const el of elementsOf(body)) {
    if (tagOf(el) === 'ASIDE' && NOTE.test(attrOf(el, 'epub:type') ?? attrOf(el, 'role')?.replace(/^doc-/u, '') ?? '')) {
      el.tagName = el.nodeName = 'div';
    }
  }
  const ids = entries.some((e) => e.fragment !== null) ? targets(body) : new Map<string, HtmlElement>();
  for (const entry of entries) {
    const { parent, before } = anchorFor(body, ids, entry.fragment);
    const found = existing(before, entry.title);
    const level = Math.min(entry.depth + 1, 6);
    let heading = found?.el;
    if (found && !found.isHeading) found.el.tagName = found.el.nodeName = `h${level}`;
    if (!heading) {
      heading = defaultTreeAdapter.createElement(`h${level}`, HTML_NS as never, []);
      defaultTreeAdapter.insertText(heading, entry.title);
      if (before) defaultTreeAdapter.insertBefore(parent, heading, before);
      else defaultTreeAdapter.appendChild(parent, heading);
    }
    if (!chapter.headings.has(entry.fragment ?? '')) chapter.headings.set(entry.fragment ?? '', heading);
    chapter.title ??= heading;
  }
  return chapter;
}

/**
 * A chapter as blocks, and the index (among them) of the block where each of `fragments` begins, for
 * those the chapter has (a TOC entry's heading, else the element of that id), and '' for the chapter's
 * own heading, where its TOC entry gives it one. A picture stored in the
 * book keeps its path inside the book as its src (the asset route reads it from the zip); any other
 * figure (remote, missing, not an image) becomes its caption or alt text, so nothing is fetched.
 */
export function chapterBlocks(
  chapter: Chapter,
  fragments: ReadonlySet<string>,
  isInBook: (name: string) => boolean = () => false,
): { blocks: Block[]; anchors: Map<string, number> } {
  const anchors = new Map<string, number>();
  if (!chapter.body) return { blocks: [], anchors };
  const ids = fragments.size > 0 ? targets(chapter.body) : new Map<string, HtmlElement>();
  const wanted = new Map<string, HtmlElement>();
  const start = chapter.headings.get('') ?? chapter.title;
  if (start) wanted.set('', start);
  for (const fragment of fragments) {
    const el = chapter.headings.get(fragment) ?? ids.get(fragment);
    if (el) wanted.set(fragment, el);
  }
  const marks = { targets: new Set<HtmlElement>(wanted.values()) as ReadonlySet<HtmlNode>, at: new Map<HtmlNode, number>() };
  const raw = blocksFromDom(chapter.body, marks);
  // A figure may become nothing: each raw block's index among the blocks kept, and one past the end.
  const kept: Block[] = [];
  const keptIndex: number[] = [];
  for (const block of raw) {
    keptIndex.push(kept.length);
    for (const b of asBookBlock(block, chapter.path, isInBook)) kept.push(b);
  }
  keptIndex.push(kept.length);
  for (const [fragment, el] of wanted) {
    const at = marks.at.get(el);
    if (at !== undefined) anchors.set(fragment, keptIndex[at]!);
  }
  return { blocks: kept, anchors };
}

function asBookBlock(block: Block, path: string, isInBook: (name: string) => boolean): Block[] {
  if (block.type !== 'figure') return [block];
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//iu.test(block.src)) {
    const inBook = resolveHref(path, block.src);
    if (IMAGE.test(inBook) && isInBook(inBook)) return [{ ...block, src: inBook }];
  }
  const children = figureTextRuns(block);
  return inlineText(children).trim() === '' ? [] : [{ type: 'paragraph', children }];
}
