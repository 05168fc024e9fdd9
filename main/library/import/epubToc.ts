import { resolveHref } from './epubPackageDocument.ts';
import { descendants, xmlText, type XmlElement } from './epubXml.ts';

/** One entry of a book's table of contents: where it points (path inside the zip, and fragment) and at what depth. */
export interface TocEntry {
  path: string;
  fragment: string | null;
  title: string;
  depth: number;
}

function entry(base: string, href: string | undefined, title: string, depth: number): TocEntry | null {
  if (!href || title === '' || /^[a-z][a-z0-9+.-]*:/iu.test(href)) return null;
  const hash = href.indexOf('#');
  let fragment = hash >= 0 ? href.slice(hash + 1) || null : null;
  try {
    fragment = fragment && decodeURIComponent(fragment);
  } catch {
    // A stray % stays as written.
  }
  return { path: resolveHref(base, href), fragment, title: title.slice(0, 300), depth };
}

/** EPUB 3: the `<nav epub:type="toc">` of the navigation document, its nested lists giving the depth. */
export function tocFromNav(nav: XmlElement, navPath: string): TocEntry[] {
  const navs = descendants(nav, 'nav');
  const toc = navs.find((n) => (n.attrs.get('epub:type') ?? '').split(/\s+/u).includes('toc')) ?? navs[0];
  if (!toc) return [];
  const out: TocEntry[] = [];
  const walk = (el: XmlElement, depth: number): void => {
    for (const child of el.children) {
      if (child.local === 'li') {
        const link = child.children.find((c) => c.local === 'a' || c.local === 'span');
        const e = link && entry(navPath, link.attrs.get('href'), xmlText(link), depth);
        if (e) out.push(e);
        walk(child, depth + 1);
      } else if (child.local !== 'a' && child.local !== 'span') walk(child, depth);
    }
  };
  walk(toc, 0);
  return out;
}

/** EPUB 2: the NCX's navMap, each navPoint's label and content src, nested navPoints one level deeper. */
export function tocFromNcx(ncx: XmlElement, ncxPath: string): TocEntry[] {
  const map = descendants(ncx, 'navMap')[0];
  if (!map) return [];
  const out: TocEntry[] = [];
  const walk = (el: XmlElement, depth: number): void => {
    for (const point of el.children.filter((c) => c.local === 'navPoint')) {
      const label = point.children.find((c) => c.local === 'navLabel');
      const content = point.children.find((c) => c.local === 'content');
      const e = entry(ncxPath, content?.attrs.get('src'), label ? xmlText(label) : '', depth);
      if (e) out.push(e);
      walk(point, depth + 1);
    }
  };
  walk(map, 0);
  return out;
}
