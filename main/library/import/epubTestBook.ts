/** Small EPUBs made in tests (with the zip library, never by hand), for the cases no real book shows. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export function packageDocument(metadata: string, chapters: string[], options: { nav?: boolean } = {}): string {
  const items = chapters.map((_, i) => `<item id="c${i}" href="text/ch${i}.xhtml" media-type="application/xhtml+xml"/>`).join('\n');
  const refs = chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('\n');
  const nav = options.nav ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
  <manifest>${items}${nav}<item id="css" href="style.css" media-type="text/css"/></manifest>
  <spine>${refs}</spine>
</package>`;
}

export const chapter = (body: string, head = '<title>c</title>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>${head}</head><body>${body}</body></html>`;

/** A book from its files (paths inside the zip); mimetype first and stored, as EPUB asks. */
export function makeEpub(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [path, content] of Object.entries(files)) entries[path] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

/** A plain book of `chapters` (XHTML bodies), with the given metadata and, optionally, a navigation document. */
export function simpleBook(metadata: string, chapters: string[], extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    'META-INF/container.xml': CONTAINER,
    'OEBPS/book.opf': packageDocument(metadata, chapters, { nav: 'OEBPS/nav.xhtml' in extra }),
    'OEBPS/style.css': 'body { background: url(http://example.com/track.png) }',
  };
  chapters.forEach((body, i) => (files[`OEBPS/text/ch${i}.xhtml`] = chapter(body)));
  return makeEpub({ ...files, ...extra });
}
