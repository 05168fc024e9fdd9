import { blockHref, type Block, type Inline } from '../../../common/blocks.ts';
import { resolveHref } from './epubPackageDocument.ts';

/** Where a link inside a book points: a document (a path inside the zip) and a fragment ('' for its start). */
export interface BookTarget {
  path: string;
  fragment: string;
}

/** The target of a link written in the document at `from`; null for a link that leaves the book (a scheme, `//host`). */
export function bookTarget(from: string, href: string): BookTarget | null {
  const compact = href.trim();
  if (compact === '' || /^[a-z][a-z0-9+.-]*:/iu.test(compact) || /^[/\\]{2}/u.test(compact)) return null;
  const hash = compact.indexOf('#');
  const path = (hash >= 0 ? compact.slice(0, hash) : compact).split('?')[0]!;
  let fragment = hash >= 0 ? compact.slice(hash + 1) : '';
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A stray % stays as written.
  }
  return { path: path === '' ? from : resolveHref(from, path), fragment };
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/giu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's own entities and character references, the only ones a content document may have in an attribute. */
function unescape(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/giu,
    (whole, hex?: string, dec?: string, name?: string) => {
      const code = hex ? Number.parseInt(hex, 16) : dec ? Number(dec) : null;
      if (code === null) return NAMED[name!.toLowerCase()] ?? whole;
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/**
 * Every href a document's source holds, read from the text without parsing it, so a book's chapters
 * need not all be parsed and held at once to know which of their places other chapters link to. It may
 * find more than the links (an href in a comment): a place noted for nothing costs nothing.
 */
export function linkHrefs(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(HREF)) out.push(unescape(m[1] ?? m[2] ?? m[3] ?? ''));
  return out;
}

/** The key of a target in the maps below. */
export const targetKey = (t: BookTarget): string => `${t.path}#${t.fragment}`;

function mapRuns(runs: Inline[], href: (raw: string) => string | null): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    if (run.type === 'link') {
      const children = mapRuns(run.children, href);
      const to = href(run.href);
      // A loop, not a spread: a hostile link may hold more runs than a call takes arguments.
      if (to === null) for (const child of children) out.push(child);
      else out.push({ type: 'link', href: to, children });
    } else if (run.type === 'emphasis' || run.type === 'strong') out.push({ ...run, children: mapRuns(run.children, href) });
    else out.push(run);
  }
  return out;
}

/** The blocks with each link's href replaced by what `href` makes of it; where that is null, the link's text stays, unlinked. */
export function mapLinks(blocks: readonly Block[], href: (raw: string) => string | null): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        return { ...b, children: mapRuns(b.children, href) };
      case 'list':
        return { ...b, items: b.items.map((item) => mapRuns(item, href)) };
      case 'figure':
        return { ...b, caption: mapRuns(b.caption, href) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => ({ ...cell, children: mapRuns(cell.children, href) }))) };
      case 'code':
      case 'rule':
        return b;
      default:
        return b satisfies never;
    }
  });
}

/**
 * The href a link in the document at `from` gets in the book's one article: a link to a document of the
 * spine points at the block its target begins in (that document's first, when the fragment names
 * nothing there); a link that leaves the book stays as it is; any other link into the book (to a document
 * not read, a picture, a file that is not there) would lead nowhere, and is text.
 */
export function articleHref(
  from: string,
  raw: string,
  starts: ReadonlyMap<string, number>,
  anchors: ReadonlyMap<string, number>,
): string | null {
  const target = bookTarget(from, raw);
  if (!target) return raw;
  const start = starts.get(target.path);
  if (start === undefined) return null;
  return blockHref(anchors.get(targetKey(target)) ?? start);
}
