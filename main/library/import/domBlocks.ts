import type { Block, Inline } from '../../../common/blocks.ts';

/**
 * Turns a parsed HTML tree into Offprint's block model. Only known elements become blocks or
 * inline runs; everything else is either a transparent container or dropped with its content
 * (script, style, iframe, object, forms, svg, math …). Nothing of the HTML survives as markup,
 * which is what makes imported articles inert.
 */

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
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
  'CENTER',
  'HGROUP',
  'BODY',
  'HTML',
  'TR',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'FIGCAPTION',
  'IMG',
  'PICTURE',
]);
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

const attr = (n: DomNode, name: string): string | null => n.getAttribute?.(name) ?? null;

/** The edge of a block met inside inline content; unlike a <br>, two in a row make one line break. */
const BLOCK_EDGE: Inline = { type: 'break' };

function collapse(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const prev = out.at(-1);
    if (r === BLOCK_EDGE && prev?.type === 'break') continue;
    if (r.type === 'break' && prev === BLOCK_EDGE) {
      out[out.length - 1] = r;
      continue;
    }
    if (r.type === 'text' && prev?.type === 'text') prev.text += prev.text.endsWith(' ') ? r.text.replace(/^ +/u, '') : r.text;
    else if (r.type === 'text' && r.text === '') continue;
    else out.push(r);
  }
  return out;
}

function trimRuns(runs: Inline[]): Inline[] {
  const out = collapse(runs);
  while (out[0]?.type === 'break') out.shift();
  while (out.at(-1)?.type === 'break') out.pop();
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.replace(/^\s+/u, '');
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text.replace(/\s+$/u, '');
  return out.filter((r) => !(r.type === 'text' && r.text === ''));
}

const hasText = (runs: Inline[]): boolean =>
  runs.some((r) => (r.type === 'text' || r.type === 'code' ? r.text.trim() !== '' : r.type !== 'break' && hasText(r.children)));

class Converter {
  readonly blocks: Block[] = [];
  private pending: Inline[] = [];

  flush(): void {
    const runs = trimRuns(this.pending);
    this.pending = [];
    if (hasText(runs)) this.blocks.push({ type: 'paragraph', children: runs });
  }

  inline(node: DomNode, depth: number, images: Block[]): Inline[] {
    if (node.nodeType === 3) return [{ type: 'text', text: (node.textContent ?? '').replace(/\s+/gu, ' ') }];
    if (node.nodeType !== 1) return [];
    const name = node.nodeName.toUpperCase();
    if (DROP.has(name)) return [];
    if (depth > MAX_DEPTH) return [{ type: 'text', text: node.textContent ?? '' }];
    const kids = (): Inline[] => {
      const out: Inline[] = [];
      for (const c of Array.from(node.childNodes)) out.push(...this.inline(c, depth + 1, images));
      return collapse(out);
    };
    switch (name) {
      case 'BR':
        return [{ type: 'break' }];
      case 'EM':
      case 'I':
      case 'CITE':
      case 'DFN':
        return [{ type: 'emphasis', children: kids() }];
      case 'STRONG':
      case 'B':
        return [{ type: 'strong', children: kids() }];
      case 'CODE':
      case 'KBD':
      case 'SAMP':
      case 'TT':
        return [{ type: 'code', text: node.textContent ?? '' }];
      case 'A': {
        const href = safeHref(attr(node, 'href'));
        const children = kids();
        return href ? [{ type: 'link', href, children }] : children;
      }
      case 'IMG': {
        const src = safeImageSrc(attr(node, 'src'));
        if (src) images.push({ type: 'figure', src, alt: attr(node, 'alt') ?? '', caption: [] });
        return [];
      }
      default:
        // A block inside inline content (a nested list in a list item) is a line of its own, not glued to the text before it.
        return BLOCKS.has(name) && name !== 'IMG' && name !== 'PICTURE' ? [BLOCK_EDGE, ...kids(), BLOCK_EDGE] : kids();
    }
  }

  listItems(node: DomNode, depth: number): Inline[][] {
    const items: Inline[][] = [];
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType !== 1 || c.nodeName.toUpperCase() !== 'LI') continue;
      const images: Block[] = [];
      const runs = trimRuns(this.inline(c, depth + 1, images));
      if (hasText(runs)) items.push(runs);
    }
    return items;
  }

  block(node: DomNode, depth: number): void {
    if (node.nodeType === 3) {
      this.pending.push({ type: 'text', text: (node.textContent ?? '').replace(/\s+/gu, ' ') });
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (DROP.has(name)) return;
    if (depth > MAX_DEPTH) {
      this.pending.push({ type: 'text', text: ` ${node.textContent ?? ''} ` });
      return;
    }
    if (!BLOCKS.has(name)) {
      const images: Block[] = [];
      this.pending.push(...this.inline(node, depth, images));
      if (images.length > 0) {
        this.flush();
        this.blocks.push(...images);
      }
      return;
    }
    this.flush();
    const images: Block[] = [];
    const runs = (): Inline[] => {
      const out: Inline[] = [];
      for (const c of Array.from(node.childNodes)) out.push(...this.inline(c, depth + 1, images));
      return trimRuns(out);
    };
    const heading = HEADINGS[name];
    if (heading) {
      const children = runs();
      if (hasText(children)) this.blocks.push({ type: 'heading', level: heading, children });
    } else if (name === 'P' || name === 'DT' || name === 'SUMMARY' || name === 'CAPTION') {
      const children = runs();
      if (hasText(children)) this.blocks.push({ type: 'paragraph', children });
    } else if (name === 'UL' || name === 'OL') {
      const items = this.listItems(node, depth);
      if (items.length > 0) this.blocks.push({ type: 'list', ordered: name === 'OL', items });
    } else if (name === 'BLOCKQUOTE') {
      const inner = new Converter();
      for (const c of Array.from(node.childNodes)) inner.block(c, depth + 1);
      inner.flush();
      const children: Inline[] = [];
      inner.blocks.forEach((b, i) => {
        if (i > 0) children.push({ type: 'break' }, { type: 'break' });
        if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') children.push(...b.children);
        else if (b.type === 'list') b.items.forEach((it, k) => children.push(...(k > 0 ? [{ type: 'break' } as const] : []), ...it));
        else if (b.type === 'code') children.push({ type: 'code', text: b.text });
      });
      if (hasText(children)) this.blocks.push({ type: 'quote', children });
    } else if (name === 'PRE') {
      const code = Array.from(node.childNodes).find((c) => c.nodeName.toUpperCase() === 'CODE');
      const cls = (code && attr(code, 'class')) ?? attr(node, 'class') ?? '';
      const language = /(?:^|\s)(?:language|lang)-([\w+#.-]{1,32})/u.exec(cls)?.[1] ?? null;
      const text = (node.textContent ?? '').replace(/\n$/u, '');
      if (text.trim() !== '') this.blocks.push({ type: 'code', language, text });
    } else if (name === 'HR') {
      this.blocks.push({ type: 'rule' });
    } else if (name === 'IMG') {
      this.inline(node, depth, images);
    } else if (name === 'FIGURE') {
      const captionNode = Array.from(node.childNodes).find((c) => c.nodeName.toUpperCase() === 'FIGCAPTION');
      const caption = captionNode ? trimRuns(this.inline(captionNode, depth + 1, [])) : [];
      const found: Block[] = [];
      for (const c of Array.from(node.childNodes)) if (c !== captionNode) this.inline(c, depth + 1, found);
      const first = found[0];
      if (first?.type === 'figure') this.blocks.push({ ...first, caption }, ...found.slice(1));
      else if (hasText(caption)) this.blocks.push({ type: 'paragraph', children: caption });
    } else if (name === 'TR') {
      const cells: Inline[] = [];
      for (const c of Array.from(node.childNodes)) {
        if (c.nodeType !== 1) continue;
        if (cells.length > 0) cells.push({ type: 'text', text: ' | ' });
        cells.push(...trimRuns(this.inline(c, depth + 1, images)));
      }
      if (hasText(cells)) this.blocks.push({ type: 'paragraph', children: collapse(cells) });
    } else {
      for (const c of Array.from(node.childNodes)) this.block(c, depth + 1);
      this.flush();
    }
    if (images.length > 0) this.blocks.push(...images);
  }
}

export function blocksFromDom(root: DomNode): Block[] {
  const conv = new Converter();
  for (const c of Array.from(root.childNodes)) conv.block(c, 0);
  conv.flush();
  return conv.blocks;
}
