import type { Block, Inline, TableCell } from '../../../common/blocks.ts';
import { attrOf, childrenOf, isElement, isText, tagOf, textOf, type HtmlElement, type HtmlNode } from './htmlTree.ts';

/**
 * Turns a parsed HTML tree (htmlTree.ts) into Offprint's block model. Only known elements become blocks or
 * inline runs; everything else is either a transparent container or dropped with its content (script,
 * style, iframe, svg, math …). Nothing of the HTML survives as markup, which is what makes imported
 * articles inert. Every step is linear in the size of the tree: text runs are joined once, at the nearest
 * element that makes a run of its own, and no array is spread into a call.
 */

/**
 * Dropped with everything inside. Forms, buttons, text areas and objects are not here: a browser shows the text
 * inside them (an object's children are its fallback, shown as no plugin ever loads), and an unclosed `<form>`
 * holds the rest of the page.
 */
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'EMBED',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'MATH',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SOURCE',
  'TRACK',
  'LINK',
  'META',
  'BASE',
  'HEAD',
  'TITLE',
  'DIALOG',
  'MAP',
  'AREA',
  'PORTAL',
  'NAV',
  'ASIDE',
]);
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'HR',
  'TABLE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'DL',
  'DT',
  'DD',
  'LI',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FIELDSET',
  'FORM',
  'SEARCH',
  'CENTER',
  'HGROUP',
  'BODY',
  'HTML',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'FIGCAPTION',
  'IMG',
  'PICTURE',
]);
/** Inline structure deeper than this is kept as its plain text (the tree itself is at most MAX_TREE_DEPTH deep). */
const MAX_DEPTH = 200;
const SAFE_SCHEME = /^(https?:|mailto:)/iu;

/** Keeps http(s), mailto, in-page and relative links; drops every other scheme (javascript:, data:, file: …). */
export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore control characters and whitespace inside schemes ("jav&#x09;ascript:"), so compare without them.
  // Every character that trim() removes must go too, or "&nbsp;javascript:…" would pass and then be trimmed into a script URL.
  const compact = raw.replace(/[\p{C}\p{Z}\s]/gu, '');
  if (compact === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(compact);
  if (scheme) return SAFE_SCHEME.test(compact) ? raw.trim() : null;
  // Browsers read "\" as "/" in http(s) URLs, so "/\host" is protocol-relative too.
  if (compact.replaceAll('\\', '/').startsWith('//')) return null;
  return raw.trim();
}

/** Image sources: remote (never fetched; alt shown) or relative to the article file. */
export function safeImageSrc(raw: string | null | undefined): string | null {
  const href = safeHref(raw);
  if (!href || /^mailto:/iu.test(href)) return null;
  return href;
}

const attr = (n: HtmlElement, name: string): string | null => attrOf(n, name);
const squashed = (text: string): string => text.replace(/\s+/gu, ' ');

/** The edge of a block met inside inline content; unlike a <br>, two in a row make one line break. */
const BLOCK_EDGE: Inline = { type: 'break' };

/**
 * Merges adjacent text runs (one space where they meet) and folds block edges into line breaks. The text of a
 * run is gathered in pieces and joined once: appending to a growing string and asking whether it ends in a
 * space flattens it each time, which made a file of many small text nodes quadratic.
 */
/** How many spaces end the text; `/ +$/` would rescan a long run of spaces at every position. */
function trailingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(text.length - 1 - n) === 32) n++;
  return n;
}

function collapse(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let pieces: string[] | null = null;
  let endsWithSpace = false;
  // As a browser lays text out, white space at the start or end of a line is not shown.
  const closeText = (isBeforeBreak: boolean): void => {
    if (pieces) {
      const joined = pieces.join('');
      const text = isBeforeBreak ? joined.slice(0, joined.length - trailingSpaces(joined)) : joined;
      if (text !== '') out.push({ type: 'text', text });
    }
    pieces = null;
  };
  for (const r of runs) {
    if (r.type === 'text') {
      const isLineStart = !pieces && out.at(-1)?.type === 'break';
      const t: string = (pieces && endsWithSpace) || isLineStart ? r.text.replace(/^ +/u, '') : r.text;
      if (t === '') continue;
      if (pieces) pieces.push(t);
      else pieces = [t];
      endsWithSpace = t.endsWith(' ');
      continue;
    }
    closeText(r.type === 'break');
    const prev = out.at(-1);
    if (r === BLOCK_EDGE && prev?.type === 'break') continue;
    if (r.type === 'break' && prev === BLOCK_EDGE) out[out.length - 1] = r;
    else out.push(r);
  }
  closeText(false);
  return out;
}

function trimRuns(runs: readonly Inline[]): Inline[] {
  const all = collapse(runs);
  let start = 0;
  let end = all.length;
  while (start < end && all[start]!.type === 'break') start++;
  while (end > start && all[end - 1]!.type === 'break') end--;
  const out = all.slice(start, end);
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return out.filter((r) => !(r.type === 'text' && r.text === ''));
}

const hasText = (runs: readonly Inline[]): boolean =>
  runs.some((r) => (r.type === 'text' || r.type === 'code' ? r.text.trim() !== '' : r.type !== 'break' && hasText(r.children)));

function pushAll<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

/**
 * Elements whose place in the blocks is wanted (the targets of a book's links) and, once converted, the
 * index of the block each one's content begins in: the next block made, when it makes none of its own.
 */
export interface BlockAnchors {
  targets: ReadonlySet<HtmlNode>;
  at: Map<HtmlNode, number>;
}

class Converter {
  readonly blocks: Block[] = [];
  private pending: Inline[] = [];
  /** The converter whose blocks are the result: a quote's inner one adds one block to it, at its current end. */
  private readonly root: Converter;

  /** Inside a blockquote, a nested blockquote is flattened into the outer one as it is read, not copied up level by level. */
  constructor(
    private readonly isInQuote = false,
    private readonly anchors: BlockAnchors | null = null,
    root?: Converter,
  ) {
    this.root = root ?? this;
  }

  /** Notes where a target begins: in the block made next (the pending paragraph, or the one this element starts). */
  private mark(node: HtmlNode): void {
    if (this.anchors?.targets.has(node) && !this.anchors.at.has(node)) this.anchors.at.set(node, this.root.blocks.length);
  }

  flush(): void {
    const runs = trimRuns(this.pending);
    this.pending = [];
    if (hasText(runs)) this.blocks.push({ type: 'paragraph', children: runs });
  }

  /** Appends the node's inline runs to `out` and its images to `images`. */
  inline(node: HtmlNode, depth: number, out: Inline[], images: Block[]): void {
    if (isText(node)) return void out.push({ type: 'text', text: squashed(node.value) });
    if (!isElement(node)) return;
    const name = tagOf(node);
    if (DROP.has(name)) return;
    if (depth > MAX_DEPTH) return void out.push({ type: 'text', text: squashed(textOf(node)) });
    this.mark(node);
    switch (name) {
      case 'BR':
        return void out.push({ type: 'break' });
      case 'EM':
      case 'I':
      case 'CITE':
      case 'DFN':
        return void out.push({ type: 'emphasis', children: this.kids(node, depth, images) });
      case 'STRONG':
      case 'B':
        return void out.push({ type: 'strong', children: this.kids(node, depth, images) });
      case 'CODE':
      case 'KBD':
      case 'SAMP':
      case 'TT':
        return void out.push({ type: 'code', text: textOf(node) });
      case 'A': {
        const href = safeHref(attr(node, 'href'));
        const children = this.kids(node, depth, images);
        if (href) out.push({ type: 'link', href, children });
        else pushAll(out, children);
        return;
      }
      case 'IMG': {
        const src = safeImageSrc(attr(node, 'src'));
        if (src) images.push({ type: 'figure', src, alt: attr(node, 'alt') ?? '', caption: [] });
        return;
      }
      default: {
        // A block inside inline content (a nested list in a list item) is a line of its own, not glued to the text before it.
        const isBlock = BLOCKS.has(name) && name !== 'IMG' && name !== 'PICTURE';
        if (isBlock) out.push(BLOCK_EDGE);
        for (const c of childrenOf(node)) this.inline(c, depth + 1, out, images);
        if (isBlock) out.push(BLOCK_EDGE);
      }
    }
  }

  /** The collapsed inline runs of an element's children. */
  private kids(node: HtmlNode, depth: number, images: Block[]): Inline[] {
    const out: Inline[] = [];
    for (const c of childrenOf(node)) this.inline(c, depth + 1, out, images);
    return collapse(out);
  }

  private runs(node: HtmlNode, depth: number, images: Block[]): Inline[] {
    const out: Inline[] = [];
    for (const c of childrenOf(node)) this.inline(c, depth + 1, out, images);
    return trimRuns(out);
  }

  /** Each list item's runs; anything else with text inside a list (a browser shows it) is an item of its own. */
  private listItems(node: HtmlElement, depth: number): Inline[][] {
    const items: Inline[][] = [];
    for (const c of childrenOf(node)) {
      const out: Inline[] = [];
      this.inline(c, depth + 1, out, []);
      const runs = trimRuns(out);
      if (hasText(runs)) items.push(runs);
    }
    return items;
  }

  private quote(node: HtmlElement, depth: number): void {
    const inner = new Converter(true, this.anchors, this.root);
    for (const c of childrenOf(node)) inner.block(c, depth + 1);
    inner.flush();
    const children: Inline[] = [];
    inner.blocks.forEach((b, i) => {
      if (i > 0) children.push({ type: 'break' }, { type: 'break' });
      if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') pushAll(children, b.children);
      else if (b.type === 'list')
        b.items.forEach((it, k) => {
          if (k > 0) children.push({ type: 'break' });
          pushAll(children, it);
        });
      else if (b.type === 'code') children.push({ type: 'code', text: b.text });
    });
    if (hasText(children)) this.blocks.push({ type: 'quote', children });
  }

  private figure(node: HtmlElement, depth: number): void {
    const captionNode = childrenOf(node).find((c) => isElement(c) && tagOf(c) === 'FIGCAPTION');
    const caption = captionNode ? this.runs(captionNode, depth, []) : [];
    const found: Block[] = [];
    const rest: Inline[] = [];
    for (const c of childrenOf(node)) if (c !== captionNode) this.inline(c, depth + 1, rest, found);
    // A figure may hold a quotation or a code sample rather than an image: its text stays.
    const text = trimRuns(rest);
    if (hasText(text)) this.blocks.push({ type: 'paragraph', children: text });
    const first = found[0];
    if (first?.type === 'figure') {
      this.blocks.push({ ...first, caption });
      pushAll(this.blocks, found.slice(1));
    } else if (hasText(caption)) this.blocks.push({ type: 'paragraph', children: caption });
  }

  /**
   * A data table: its caption as a paragraph before it, then its rows in the order a browser shows them.
   * False, with nothing read, for a table that lays out a page (isDataTable).
   */
  private table(node: HtmlElement, depth: number, images: Block[]): boolean {
    const trs = tableRows(node);
    if (!isDataTable(node, trs)) return false;
    const caption = childrenOf(node).find((c) => isElement(c) && tagOf(c) === 'CAPTION');
    if (caption && isElement(caption)) {
      const children = this.runs(caption, depth + 1, images);
      if (hasText(children)) this.blocks.push({ type: 'paragraph', children });
    }
    const rows: TableCell[][] = [];
    for (const tr of trs) {
      this.mark(tr);
      const row = elementsOf(tr, CELLS).map((c) => {
        this.mark(c);
        return { header: tagOf(c) === 'TH', children: this.runs(c, depth + 3, images), ...cellLayout(c) };
      });
      if (row.length > 0) rows.push(row);
    }
    if (rows.some((row) => row.some((cell) => hasText(cell.children)))) this.blocks.push({ type: 'table', rows });
    return true;
  }

  block(node: HtmlNode, depth: number): void {
    if (isText(node)) return void this.pending.push({ type: 'text', text: squashed(node.value) });
    if (!isElement(node)) return;
    const name = tagOf(node);
    if (DROP.has(name)) return;
    if (depth > MAX_DEPTH) return void this.pending.push({ type: 'text', text: ` ${squashed(textOf(node))} ` });
    if (!BLOCKS.has(name)) {
      this.mark(node);
      const images: Block[] = [];
      this.inline(node, depth, this.pending, images);
      if (images.length > 0) {
        this.flush();
        pushAll(this.blocks, images);
      }
      return;
    }
    this.flush();
    this.mark(node);
    const images: Block[] = [];
    const heading = HEADINGS[name];
    if (heading) {
      const children = this.runs(node, depth, images);
      if (hasText(children)) this.blocks.push({ type: 'heading', level: heading, children });
    } else if (name === 'P' || name === 'DT' || name === 'SUMMARY' || name === 'CAPTION') {
      const children = this.runs(node, depth, images);
      if (hasText(children)) this.blocks.push({ type: 'paragraph', children });
    } else if (name === 'UL' || name === 'OL') {
      const items = this.listItems(node, depth);
      if (items.length > 0) this.blocks.push({ type: 'list', ordered: name === 'OL', items });
    } else if (name === 'BLOCKQUOTE' && !this.isInQuote) {
      this.quote(node, depth);
    } else if (name === 'PRE') {
      const code = childrenOf(node).find((c) => isElement(c) && tagOf(c) === 'CODE');
      const cls = (code && isElement(code) && attr(code, 'class')) || attr(node, 'class') || '';
      const language = /(?:^|\s)(?:language|lang)-([\w+#.-]{1,32})/u.exec(cls)?.[1] ?? null;
      const text = textOf(node).replace(/\n$/u, '');
      if (text.trim() !== '') this.blocks.push({ type: 'code', language, text });
    } else if (name === 'HR') {
      this.blocks.push({ type: 'rule' });
    } else if (name === 'IMG') {
      this.inline(node, depth, [], images);
    } else if (name === 'FIGURE') {
      this.figure(node, depth);
    } else if (name === 'TABLE' && this.table(node, depth, images)) {
      // Read as a table block; a table that lays out a page is read below as the blocks of its cells.
    } else {
      for (const c of childrenOf(node)) this.block(c, depth + 1);
      this.flush();
    }
    pushAll(this.blocks, images);
  }
}

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);
const ROWS = new Set(['TR']);
const CELLS = new Set(['TD', 'TH']);
/** Inside a cell, these mean the table lays out a page rather than holding data. */
const PAGE_CONTENT = new Set(['TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'FIGURE', 'ARTICLE', 'MAIN', 'NAV']);

const elementsOf = (node: HtmlNode, names: ReadonlySet<string>): HtmlElement[] =>
  childrenOf(node).filter((c): c is HtmlElement => isElement(c) && names.has(tagOf(c)));

/** A table's rows as a browser shows them: the head's first, then the bodies' (and bare rows), the foot's last. */
function tableRows(table: HtmlElement): HtmlElement[] {
  const head: HtmlElement[] = [];
  const body: HtmlElement[] = [];
  const foot: HtmlElement[] = [];
  for (const c of childrenOf(table)) {
    if (!isElement(c)) continue;
    const name = tagOf(c);
    if (name === 'TR') body.push(c);
    else if (SECTIONS.has(name)) pushAll(name === 'THEAD' ? head : name === 'TFOOT' ? foot : body, elementsOf(c, ROWS));
  }
  return [...head, ...body, ...foot];
}

/**
 * Whether a table holds data (rows and columns worth keeping as a table) rather than laying out a page,
 * as old pages and mail do with one column, a presentation role, or headings and tables inside their
 * cells. Only a cell's children and grandchildren are looked at, so every node is looked at a bounded
 * number of times however deeply tables nest.
 */
function isDataTable(table: HtmlElement, trs: readonly HtmlElement[]): boolean {
  const role = attr(table, 'role');
  if (role === 'presentation' || role === 'none') return false;
  let columns = 0;
  for (const tr of trs) {
    const cells = elementsOf(tr, CELLS);
    columns = Math.max(columns, cells.length);
    for (const cell of cells) {
      for (const c of childrenOf(cell)) {
        if (!isElement(c)) continue;
        if (PAGE_CONTENT.has(tagOf(c)) || childrenOf(c).some((g) => isElement(g) && PAGE_CONTENT.has(tagOf(g)))) return false;
      }
    }
  }
  return columns > 1;
}

const ALIGNS = ['left', 'center', 'right'] as const;

/** A cell's alignment (its align attribute or text-align style) and spans, each only when it is not the default. */
function cellLayout(cell: HtmlElement): Pick<TableCell, 'align' | 'colSpan' | 'rowSpan'> {
  const out: Pick<TableCell, 'align' | 'colSpan' | 'rowSpan'> = {};
  const styled = /(?:^|;)\s*text-align\s*:\s*(left|center|right)\b/iu.exec(attr(cell, 'style') ?? '')?.[1];
  const align = (styled ?? attr(cell, 'align') ?? '').toLowerCase();
  const known = ALIGNS.find((a) => a === align);
  if (known) out.align = known;
  // The limits browsers apply: a span past them is read as the limit.
  const colSpan = span(attr(cell, 'colspan'), 1000);
  const rowSpan = span(attr(cell, 'rowspan'), 65534);
  if (colSpan > 1) out.colSpan = colSpan;
  if (rowSpan > 1) out.rowSpan = rowSpan;
  return out;
}

function span(raw: string | null, max: number): number {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, max) : 1;
}

/** The blocks of an element's or a fragment's children; `anchors.at` gets where each of its targets landed. */
export function blocksFromDom(root: HtmlNode, anchors: BlockAnchors | null = null): Block[] {
  const conv = new Converter(false, anchors);
  for (const c of childrenOf(root)) conv.block(c, 0);
  conv.flush();
  return conv.blocks;
}
