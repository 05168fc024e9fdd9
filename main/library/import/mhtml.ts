/**
 * A web page saved as MHTML (.mhtml, .mht): Chrome's "Save as single file", Firefox add-ons, Internet
 * Explorer's "Web archive". The root HTML part takes the same path as an .html file (Readability, blocks);
 * its pictures stay in the file and are named by a key the asset route reads back (mhtmlImage).
 */
import iconv from 'iconv-lite';
import type { ImportResult } from '../model.ts';
import { parseDateLine } from './dates.ts';
import { decodeDeclared, metaCharset } from './decode.ts';
import { safeHref } from './domBlocks.ts';
import { importHtml } from './html.ts';
import { decodeWords, listParts, partBody, type MimeArchive, type MimePart } from './mime.ts';

/** The page itself; real ones stay below a few megabytes. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** Picture types served from inside the file: the ones assets.ts serves (never SVG, which can hold script). */
const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

/** What a picture's src becomes: a path-like key with no scheme (so the reader asks the asset route for it). */
const KEY = /^mhtml-part\/(\d{1,6})\.([a-z]+)$/u;
const keyOf = (index: number, part: MimePart): string | null => {
  const ext = IMAGE_EXTENSIONS[part.type];
  return ext ? `mhtml-part/${index}.${ext}` : null;
};

const refuse = (code: 'parse' | 'too-large' | 'empty', reason: string): ImportResult => ({ ok: false, error: { code, reason } });

const unbracket = (id: string): string => id.trim().replace(/^<(.*)>$/u, '$1');

/** The page the archive is of: the part its `start` parameter names, else the first HTML part. */
function rootPart(archive: MimeArchive): MimePart | undefined {
  const start = archive.params.start ? unbracket(archive.params.start) : null;
  const named = start ? archive.parts.find((p) => unbracket(p.headers.get('content-id') ?? '') === start) : undefined;
  return named ?? archive.parts.find((p) => p.type === 'text/html' || p.type === 'application/xhtml+xml');
}

function absolute(href: string, base: string | null): string | null {
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * How the page's image srcs find the archive's pictures: `cid:` by Content-ID, anything else by its
 * Content-Location, as written or resolved against the page's own location. A picture that is not in the
 * file keeps an absolute address (never fetched; its alt text stands in) or is left as written.
 */
function pictureResolver(archive: MimeArchive, base: string | null): (src: string) => string | null {
  const byLocation = new Map<string, string>();
  const byId = new Map<string, string>();
  archive.parts.forEach((part, index) => {
    const key = keyOf(index, part);
    if (!key) return;
    const location = part.headers.get('content-location')?.trim();
    if (location) {
      if (!byLocation.has(location)) byLocation.set(location, key);
      const resolved = absolute(location, base);
      if (resolved && !byLocation.has(resolved)) byLocation.set(resolved, key);
    }
    const id = part.headers.get('content-id');
    if (id && !byId.has(unbracket(id))) byId.set(unbracket(id), key);
  });
  return (raw) => {
    const src = raw.trim();
    if (/^cid:/iu.test(src)) {
      let id = src.slice(4);
      try {
        id = decodeURIComponent(id);
      } catch {
        // A stray % in an id: look it up as written.
      }
      return byId.get(id) ?? null;
    }
    const found = byLocation.get(src);
    if (found) return found;
    const resolved = absolute(src, base);
    if (!resolved) return null;
    return byLocation.get(resolved) ?? (/^https?:/iu.test(resolved) ? resolved : null);
  };
}

function decodeHeaderWords(bytes: Uint8Array, charset: string): string | null {
  return iconv.encodingExists(charset) ? iconv.decode(Buffer.from(bytes), charset) : null;
}

/** "Mon, 17 Dec 2018 11:18:49 -0000" (RFC 5322) → 2018-12-17, the day as the saver's clock wrote it. */
function headerDay(value: string | undefined): string | null {
  const m = /(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})/iu.exec(value ?? '');
  return m ? parseDateLine(`${m[1]} ${m[2]} ${m[3]}`) : null;
}

/** An MHTML file as one article: its root page through the HTML path, its pictures kept in the file. */
export function importMhtml(bytes: Uint8Array, fallbackTitle: string): ImportResult {
  const listed = listParts(bytes);
  if (!listed.ok) return listed;
  const { archive } = listed;
  const root = rootPart(archive);
  if (!root) return refuse('parse', `The MHTML file holds no HTML page among its ${archive.parts.length} parts; there is nothing to read.`);
  const body = partBody(bytes, root, MAX_PAGE_BYTES);
  if (!body) return refuse('too-large', `The page inside the MHTML file is over ${MAX_PAGE_BYTES / 1048576} MB; it was not read.`);
  const decoded = decodeDeclared(body, root.params.charset ?? metaCharset(body));
  if (!decoded.ok) return decoded;
  const snapshot = archive.headers.get('snapshot-content-location')?.trim() || null;
  const location = root.headers.get('content-location')?.trim() || snapshot;
  const base = location && absolute(location, null);
  const subject = decodeWords(archive.headers.get('subject') ?? '', decodeHeaderWords).trim();
  const result = importHtml(decoded.text, subject || fallbackTitle, { imageSrc: pictureResolver(archive, base ?? null) });
  if (!result.ok) return result;
  const doc = result.doc;
  if (doc.blocks.length === 0) return refuse('empty', 'The page inside the MHTML file has no text.');
  const saved = [snapshot, location].find((href) => href && /^https?:/iu.test(href)) ?? null;
  return {
    ok: true,
    doc: {
      ...doc,
      format: 'mhtml',
      source: doc.source ?? safeHref(saved),
      date: doc.date ?? headerDay(archive.headers.get('date')),
    },
  };
}

/**
 * One picture of an MHTML file by the key the importer gave it, decoded; null when the key names no
 * picture there (or the file no longer reads). The key's type must match the part's own.
 */
export function mhtmlImage(bytes: Uint8Array, key: string, maxBytes: number): Uint8Array | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const listed = listParts(bytes);
  if (!listed.ok) return null;
  const index = Number(m[1]);
  const part = listed.archive.parts[index];
  if (!part || keyOf(index, part) !== key) return null;
  // Base64 spends four bytes on three, plus line breaks.
  const body = partBody(bytes, part, Math.ceil(maxBytes * 1.4) + 1024);
  return body && body.length <= maxBytes ? body : null;
}
