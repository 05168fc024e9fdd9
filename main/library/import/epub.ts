import type { Block } from '../../../common/blocks.ts';
import type { ImportError, ImportResult } from '../model.ts';
import { decodeBytes } from './decode.ts';
import { chapterBlocks, readChapter } from './epubChapter.ts';
import { encryptedContent } from './epubEncryption.ts';
import { articleHref, bookTarget, linkHrefs, mapLinks, targetKey } from './epubLinks.ts';
import { readPackage, rootfilePath } from './epubPackageDocument.ts';
import { tocFromNav, tocFromNcx, type TocEntry } from './epubToc.ts';
import { isUnsafeName, unzipBook } from './epubZip.ts';
import { declaresEntities, parseXml, type XmlElement } from './epubXml.ts';

/** Only the documents a book is read from are unpacked: never its fonts, styles, scripts or media. */
const READ = /\.(?:xml|opf|ncx|xhtml|html|htm|xht)$/iu;

type Got<T> = { ok: true; value: T } | { ok: false; error: ImportError };

const refuse = (code: ImportError['code'], reason: string): { ok: false; error: ImportError } => ({ ok: false, error: { code, reason } });

function textOf(files: Map<string, Uint8Array>, path: string): Got<string> {
  const bytes = files.get(path);
  if (!bytes) return refuse('parse', `The book lists "${path.slice(0, 120)}", which is not in it.`);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return refuse(decoded.error.code, `"${path.slice(0, 120)}" in the book: ${decoded.error.reason}`);
  if (declaresEntities(decoded.text))
    return refuse('unsafe', `"${path.slice(0, 120)}" in the book declares XML entities (a DTD); the book was not read.`);
  return { ok: true, value: decoded.text };
}

function xmlOf(files: Map<string, Uint8Array>, path: string): Got<XmlElement> {
  const text = textOf(files, path);
  if (!text.ok) return text;
  try {
    return { ok: true, value: parseXml(text.value) };
  } catch (err) {
    return refuse('parse', `"${path.slice(0, 120)}" in the book is not well-formed XML: ${(err as Error).message.slice(0, 160)}`);
  }
}

/** The table of contents, from the EPUB 3 navigation document or else the EPUB 2 NCX; a broken one is no table. */
function tableOfContents(files: Map<string, Uint8Array>, nav: string | null, ncx: string | null): Got<TocEntry[]> {
  for (const [path, read] of [
    [nav, tocFromNav],
    [ncx, tocFromNcx],
  ] as const) {
    if (!path || !files.has(path)) continue;
    const doc = xmlOf(files, path);
    if (!doc.ok) {
      if (doc.error.code === 'unsafe') return doc;
      continue;
    }
    const entries = read(doc.value, path);
    if (entries.length > 0) return { ok: true, value: entries };
  }
  return { ok: true, value: [] };
}

/** Where in the spine's documents other documents link to: the fragments, by document. */
function linkedFragments(spine: readonly string[], sources: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const inSpine = new Set(spine);
  const fragments = new Map<string, Set<string>>();
  for (const path of spine) {
    for (const href of linkHrefs(sources.get(path) ?? '')) {
      const target = bookTarget(path, href);
      if (!target || target.fragment === '' || !inSpine.has(target.path)) continue;
      const set = fragments.get(target.path) ?? new Set<string>();
      set.add(target.fragment);
      fragments.set(target.path, set);
    }
  }
  return fragments;
}

/**
 * The spine's documents as one article's blocks, each link between them turned into a link to the
 * block it points at (epubLinks.ts), so following it stays inside the article. The links are read from
 * the sources first; then each document is parsed, turned into blocks and let go, one at a time.
 */
function spineBlocks(
  files: Map<string, Uint8Array>,
  isInBook: (name: string) => boolean,
  spine: readonly string[],
  entriesOf: Map<string, TocEntry[]>,
): Got<Block[]> {
  const sources = new Map<string, string>();
  for (const path of spine) {
    const source = textOf(files, path);
    if (!source.ok) return source;
    sources.set(path, source.value);
  }
  const fragments = linkedFragments(spine, sources);
  const parts: { path: string; blocks: Block[] }[] = [];
  const starts = new Map<string, number>();
  const anchors = new Map<string, number>();
  let count = 0;
  for (const path of spine) {
    const chapter = readChapter(sources.get(path)!, entriesOf.get(path) ?? [], path);
    sources.delete(path);
    const part = chapterBlocks(chapter, fragments.get(path) ?? new Set(), isInBook);
    starts.set(path, count);
    for (const [fragment, at] of part.anchors) anchors.set(targetKey({ path, fragment }), count + at);
    parts.push({ path, blocks: part.blocks });
    count += part.blocks.length;
  }
  // A document with no text starts where the next one does; one at the very end, at the last block.
  for (const [path, at] of starts) starts.set(path, Math.min(at, Math.max(0, count - 1)));
  const blocks: Block[] = [];
  for (const part of parts) for (const b of mapLinks(part.blocks, (href) => articleHref(part.path, href, starts, anchors))) blocks.push(b);
  return { ok: true, value: blocks };
}

/** An EPUB (2 or 3) as one article: the spine's documents in order, the table of contents as headings. */
export function importEpub(bytes: Uint8Array, fallbackTitle: string): ImportResult {
  const zip = unzipBook(bytes, (name) => READ.test(name));
  if (!zip.ok) return zip;
  const { files } = zip;
  const names = new Set(zip.names);
  const encryption = files.has('META-INF/encryption.xml') ? xmlOf(files, 'META-INF/encryption.xml') : null;
  if (encryption && !encryption.ok) return encryption;
  const locked = encryption ? encryptedContent(encryption.value) : [];
  if (locked.length > 0)
    return refuse(
      'encrypted',
      `The book is DRM-protected (META-INF/encryption.xml encrypts ${locked.length} of its files, e.g. "${locked[0]!.slice(0, 120)}"); remove the DRM with the tool you bought it through, or import a DRM-free copy.`,
    );
  const container = xmlOf(files, 'META-INF/container.xml');
  if (!container.ok) return container.error.code === 'parse' ? refuse('parse', `Not an EPUB: ${container.error.reason}`) : container;
  const opfPath = rootfilePath(container.value);
  if (!opfPath) return refuse('parse', 'Not an EPUB: META-INF/container.xml names no package document.');
  const opf = xmlOf(files, opfPath);
  if (!opf.ok) return opf;
  const book = readPackage(opf.value, opfPath);
  const toc = tableOfContents(files, book.nav, book.ncx);
  if (!toc.ok) return toc;
  const entriesOf = new Map<string, TocEntry[]>();
  for (const entry of toc.value) {
    const list = entriesOf.get(entry.path);
    if (list) list.push(entry);
    else entriesOf.set(entry.path, [entry]);
  }
  const spine = spineBlocks(files, (name) => names.has(name), book.spine, entriesOf);
  if (!spine.ok) return spine;
  const blocks = spine.value;
  if (blocks.length === 0) return refuse('empty', 'The book has no text in its spine.');
  return {
    ok: true,
    doc: {
      title: book.title ?? fallbackTitle,
      author: book.author,
      date: book.date,
      // A book's identifier is its source: where a web page has its URL, a book has its ISBN or URN.
      source: book.identifier,
      language: book.language,
      dir: book.dir,
      tags: [],
      format: 'epub',
      blocks,
    },
  };
}

/** One picture of a book, unpacked under the same caps as an import; null when it is not there or the book is refused. */
export function bookImage(book: Uint8Array, name: string): Uint8Array | null {
  if (isUnsafeName(name)) return null;
  const zip = unzipBook(book, (entry) => entry === name);
  return zip.ok ? (zip.files.get(name) ?? null) : null;
}
