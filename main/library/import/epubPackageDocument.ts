import { normalizeDate } from './dates.ts';
import { bookIdentifier } from './epubIdentifier.ts';
import { descendants, xmlText, type XmlElement } from './epubXml.ts';

/** What the OPF package document says of a book. */
export interface BookPackage {
  title: string | null;
  author: string | null;
  date: string | null;
  language: string | null;
  /** The unique identifier, normalized (epubIdentifier.ts): a URL, `urn:isbn:…`, `urn:uuid:…` or the book's own text. */
  identifier: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** Content documents in reading order, as paths inside the zip: the linear ones, then those marked linear="no". */
  spine: string[];
  /** The EPUB 3 navigation document and the EPUB 2 NCX, as paths inside the zip. */
  nav: string | null;
  ncx: string | null;
}

/** A href in a document at `base` (a path inside the zip) as the path it names, without its fragment. */
export function resolveHref(base: string, href: string): string {
  const path = href.split('#')[0]!;
  const parts = base.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    let part = segment;
    try {
      part = decodeURIComponent(segment);
    } catch {
      // A stray % stays as written.
    }
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** The path of the package document, from META-INF/container.xml. */
export function rootfilePath(container: XmlElement): string | null {
  const rootfiles = descendants(container, 'rootfile');
  const opf = rootfiles.find((r) => r.attrs.get('media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  return opf?.attrs.get('full-path')?.replace(/^\/+/u, '') || null;
}

/** EPUB 3 refines a title or creator with <meta refines="#id" property="…">; EPUB 2 puts opf:role on the creator. */
function refinements(metadata: XmlElement): Map<string, Map<string, string>> {
  const byId = new Map<string, Map<string, string>>();
  for (const meta of descendants(metadata, 'meta')) {
    const target = meta.attrs.get('refines')?.replace(/^#/u, '');
    const property = meta.attrs.get('property');
    if (!target || !property) continue;
    const props = byId.get(target) ?? new Map<string, string>();
    if (!props.has(property)) props.set(property, xmlText(meta));
    byId.set(target, props);
  }
  return byId;
}

function bookTitle(metadata: XmlElement, refined: Map<string, Map<string, string>>): string | null {
  const titles = descendants(metadata, 'title').map((el) => ({
    text: xmlText(el),
    type: refined.get(el.attrs.get('id') ?? '')?.get('title-type') ?? null,
  }));
  const main = titles.find((t) => t.type === 'main') ?? titles.find((t) => t.type === null) ?? titles[0];
  if (!main?.text) return null;
  const subtitle = titles.find((t) => t.type === 'subtitle' && t.text !== '');
  return subtitle ? `${main.text}: ${subtitle.text}` : main.text;
}

function bookAuthor(metadata: XmlElement, refined: Map<string, Map<string, string>>): string | null {
  const creators = descendants(metadata, 'creator').map((el) => ({
    name: xmlText(el),
    role: el.attrs.get('opf:role') ?? el.attrs.get('role') ?? refined.get(el.attrs.get('id') ?? '')?.get('role') ?? null,
  }));
  const authors = creators.filter((c) => c.name !== '' && (c.role === null || c.role === 'aut'));
  const names = (authors.length > 0 ? authors : creators.filter((c) => c.name !== '')).map((c) => c.name);
  return names.length > 0 ? names.join(', ') : null;
}

function bookDate(metadata: XmlElement): string | null {
  const dates = descendants(metadata, 'date');
  // EPUB 2 may list several dated events; the publication is the book's date.
  const published = dates.find((d) => (d.attrs.get('opf:event') ?? d.attrs.get('event')) === 'publication') ?? dates[0];
  return published ? normalizeDate(xmlText(published)) : null;
}

/** Reads the package document at `opfPath` (a path inside the zip). */
export function readPackage(opf: XmlElement, opfPath: string): BookPackage {
  const pkg = opf.children.find((c) => c.local === 'package') ?? opf;
  const metadata = descendants(pkg, 'metadata')[0] ?? pkg;
  const refined = refinements(metadata);
  const uniqueId = pkg.attrs.get('unique-identifier');
  const items = new Map<string, { path: string; type: string; properties: string[] }>();
  for (const item of descendants(pkg, 'item')) {
    const id = item.attrs.get('id');
    const href = item.attrs.get('href');
    if (!id || !href || /^[a-z][a-z0-9+.-]*:/iu.test(href)) continue;
    items.set(id, {
      path: resolveHref(opfPath, href),
      type: item.attrs.get('media-type') ?? '',
      properties: (item.attrs.get('properties') ?? '').split(/\s+/u),
    });
  }
  const spineEl = descendants(pkg, 'spine')[0];
  const refs = spineEl ? descendants(spineEl, 'itemref') : [];
  const isLinear = (ref: XmlElement): boolean => ref.attrs.get('linear')?.trim().toLowerCase() !== 'no';
  // Non-linear documents (notes, answer keys, a cover page) come after the reading order, not inside it:
  // a reader may skip them when reading straight through but must reach them by their links (EPUB Reading
  // Systems 3.3, the spine), and in one article the links and a search can reach them only if they are there.
  const spine = [...refs.filter(isLinear), ...refs.filter((ref) => !isLinear(ref))]
    .map((ref) => items.get(ref.attrs.get('idref') ?? ''))
    .filter((item) => item !== undefined && /html|xml/u.test(item.type))
    .map((item) => item!.path);
  // Some books list a document once per fragment (`ch1.xhtml#s2` as an item of its own): it is read once.
  const nav = [...items.values()].find((item) => item.properties.includes('nav'));
  const ncx = items.get(spineEl?.attrs.get('toc') ?? '') ?? [...items.values()].find((i) => i.type === 'application/x-dtbncx+xml');
  const direction = spineEl?.attrs.get('page-progression-direction');
  const language = descendants(metadata, 'language')[0];
  return {
    title: bookTitle(metadata, refined),
    author: bookAuthor(metadata, refined),
    date: bookDate(metadata),
    language: language ? xmlText(language).slice(0, 35) || null : null,
    identifier: bookIdentifier(descendants(metadata, 'identifier'), uniqueId),
    dir: direction === 'rtl' ? 'rtl' : direction === 'ltr' ? 'ltr' : null,
    spine: [...new Set(spine)],
    nav: nav?.path ?? null,
    ncx: ncx?.path ?? null,
  };
}
