/**
 * The MIME multipart container an MHTML file is (RFC 2045/2046/2557), read from its bytes in one pass:
 * headers, the parts' byte ranges (nested multiparts flattened in order), and one part's body decoded
 * on demand. Nothing is decoded while parts are listed, so a file of many large pictures costs one scan.
 */
import type { ImportError } from '../model.ts';

/** A saved page holds a few hundred parts at most; a file listing more is built to waste time. */
export const MAX_PARTS = 5_000;
/** multipart/related inside multipart/alternative is as deep as real saving programs go. */
const MAX_NESTING = 4;
/** RFC 2046 allows 70 characters; past this, searching for it would cost more than it is worth. */
const MAX_BOUNDARY = 200;
/** A header block longer than this is no header block. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface MimeHeaders {
  /** Lower-cased names; a repeated header keeps its first value. */
  get(name: string): string | undefined;
}

export interface MimePart {
  headers: MimeHeaders;
  /** The media type, lower-cased, without parameters ("text/html"). */
  type: string;
  params: Record<string, string>;
  /** The body's byte range in the file, before its transfer encoding is undone. */
  start: number;
  end: number;
}

export interface MimeArchive {
  headers: MimeHeaders;
  type: string;
  params: Record<string, string>;
  /** Every leaf part in document order; a file that is one page and no multipart is one part. */
  parts: MimePart[];
}

export type Listed = { ok: true; archive: MimeArchive } | { ok: false; error: ImportError };

const fail = (code: ImportError['code'], reason: string): { ok: false; error: ImportError } => ({ ok: false, error: { code, reason } });

/** Where the header block that starts at `from` ends, and where its body begins; null when no blank line comes. */
function headerEnd(bytes: Uint8Array, from: number): { end: number; body: number } | null {
  const limit = Math.min(bytes.length, from + MAX_HEADER_BYTES);
  // A body that follows at once (no headers at all) starts after one line break.
  if (bytes[from] === 0x0a) return { end: from, body: from + 1 };
  if (bytes[from] === 0x0d && bytes[from + 1] === 0x0a) return { end: from, body: from + 2 };
  for (let i = from; i < limit; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return { end: i, body: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { end: i, body: i + 3 };
  }
  return null;
}

function parseHeaders(text: string): MimeHeaders {
  const map = new Map<string, string>();
  // Unfold: a line that starts with white space continues the one before it.
  for (const line of text.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
  }
  return { get: (name) => map.get(name.toLowerCase()) };
}

/** `text/html; charset="utf-8"; boundary=x` → its type and parameters (names lower-cased, quotes removed). */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  if (!value) return { type: '', params };
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const rest = semi < 0 ? '' : value.slice(semi + 1);
  for (const m of rest.matchAll(/([^\s;=]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gu)) {
    const name = m[1]!.toLowerCase();
    if (!(name in params)) params[name] = (m[2] !== undefined ? m[2].replace(/\\(.)/gu, '$1') : m[3]!).trim();
  }
  return { type, params };
}

const latin1 = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** Index of `needle` in `bytes` from `from` at the start of a line (or at `from` itself when `from` starts one), or -1. */
function lineStart(bytes: Buffer, needle: Buffer, from: number, isFromLineStart: boolean): number {
  if (isFromLineStart && bytes.subarray(from, from + needle.length).equals(needle)) return from;
  let at = from;
  for (;;) {
    const i = bytes.indexOf(needle, at);
    if (i < 0) return -1;
    if (i > 0 && bytes[i - 1] === 0x0a) return i;
    at = i + 1;
  }
}

interface Walk {
  parts: MimePart[];
}

/**
 * The leaf parts of the multipart body in [start, end), nested multiparts read in place. Each
 * delimiter is found by one forward search from the last, so the whole file is scanned once per level.
 */
function splitMultipart(
  bytes: Buffer,
  start: number,
  end: number,
  boundary: string,
  depth: number,
  walk: Walk,
): { ok: true } | { ok: false; error: ImportError } {
  if (boundary === '' || boundary.length > MAX_BOUNDARY)
    return fail(
      'parse',
      `The MHTML file's boundary is ${boundary === '' ? 'empty' : `${boundary.length} characters long`}; it cannot be read.`,
    );
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const body = bytes.subarray(0, end);
  let at = lineStart(body, delimiter, start, true);
  if (at < 0) return fail('parse', `The MHTML file never uses its boundary "${boundary.slice(0, 80)}"; it is damaged or not MHTML.`);
  for (;;) {
    const after = at + delimiter.length;
    if (body[after] === 0x2d && body[after + 1] === 0x2d) return { ok: true };
    const lineEnd = body.indexOf(0x0a, after);
    if (lineEnd < 0) break;
    const next = lineStart(body, delimiter, lineEnd + 1, true);
    if (next < 0) break;
    // The line break before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    let partEnd = next - 1;
    if (partEnd > lineEnd && body[partEnd - 1] === 0x0d) partEnd--;
    const added = addPart(bytes, lineEnd + 1, Math.max(lineEnd + 1, partEnd), depth, walk);
    if (!added.ok) return added;
    at = next;
  }
  return fail(
    'parse',
    'The MHTML file ends before its closing boundary: it was probably cut short while it was saved or copied. Save the page again.',
  );
}

function addPart(bytes: Buffer, start: number, end: number, depth: number, walk: Walk): { ok: true } | { ok: false; error: ImportError } {
  const head = headerEnd(bytes.subarray(0, end), start);
  const headers = parseHeaders(head ? latin1(bytes, start, head.end) : '');
  const bodyStart = head ? head.body : end;
  const { type, params } = parseContentType(headers.get('content-type'));
  if (type.startsWith('multipart/')) {
    if (depth >= MAX_NESTING) return fail('too-large', `The MHTML file nests multiparts more than ${MAX_NESTING} deep; it was not read.`);
    return splitMultipart(bytes, bodyStart, end, params.boundary ?? '', depth + 1, walk);
  }
  if (walk.parts.length >= MAX_PARTS)
    return fail(
      'too-large',
      `The MHTML file has more than ${MAX_PARTS.toLocaleString('en')} parts; a saved page has far fewer, so it was not read.`,
    );
  walk.parts.push({ headers, type: type || 'text/plain', params, start: bodyStart, end });
  return { ok: true };
}

/** Lists an MHTML file's parts, or says why it cannot be read. */
export function listParts(input: Uint8Array): Listed {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const head = headerEnd(bytes, 0);
  if (!head) return fail('parse', 'The file has no MIME headers (no blank line ends them); it is not an MHTML file.');
  const headers = parseHeaders(latin1(bytes, 0, head.end));
  const { type, params } = parseContentType(headers.get('content-type'));
  if (!type) return fail('parse', 'The file has no Content-Type header; it is not an MHTML file.');
  const walk: Walk = { parts: [] };
  if (type.startsWith('multipart/')) {
    if (!params.boundary)
      return fail('parse', `The MHTML file says it is ${type} but names no boundary, so its parts cannot be found; it is damaged.`);
    const split = splitMultipart(bytes, head.body, bytes.length, params.boundary, 1, walk);
    if (!split.ok) return split;
  } else {
    walk.parts.push({ headers, type, params, start: head.body, end: bytes.length });
  }
  return { ok: true, archive: { headers, type, params, parts: walk.parts } };
}

const HEX = (b: number): number =>
  b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;

/** Quoted-printable (RFC 2045 §6.7) to bytes: `=XX` is a byte, `=` at a line's end joins the lines. */
export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x3d) {
      out[n++] = b;
      continue;
    }
    // A soft line break, with any white space a mail gateway left before it.
    let j = i + 1;
    while (bytes[j] === 0x20 || bytes[j] === 0x09) j++;
    if (bytes[j] === 0x0a) {
      i = j;
      continue;
    }
    if (bytes[j] === 0x0d && bytes[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    const hi = HEX(bytes[i + 1] ?? -1);
    const lo = HEX(bytes[i + 2] ?? -1);
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

/** A part's body with its transfer encoding undone; refused past `maxBytes` of encoded input. */
export function partBody(input: Uint8Array, part: MimePart, maxBytes: number): Uint8Array | null {
  if (part.end - part.start > maxBytes) return null;
  const raw = input.subarray(part.start, part.end);
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  return raw;
}

/**
 * A header value's RFC 2047 encoded words (`=?utf-8?Q?Caf=C3=A9?=`, `=?utf-8?B?...?=`) decoded; Blink
 * writes a title outside ASCII so. Unknown charsets are left as written.
 */
export function decodeWords(value: string, decode: (bytes: Uint8Array, charset: string) => string | null): string {
  return value
    .replace(/\?=\s+=\?/gu, '?==?')
    .replace(/=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/gu, (whole, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(Buffer.from(text.replace(/_/gu, ' '), 'latin1'));
      return decode(bytes, charset) ?? whole;
    });
}
