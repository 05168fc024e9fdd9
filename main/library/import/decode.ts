import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { ImportError } from '../model.ts';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: ImportError };

/** chardet scores 0–100; below this a legacy guess is too likely wrong to import. */
const MIN_CONFIDENCE = 30;
const LEGACY = new Set([
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'GB18030',
  'Big5',
  'EUC-KR',
  'ISO-2022-KR',
  'ISO-2022-CN',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-9',
  'KOI8-R',
]);

const fail = (code: ImportError['code'], reason: string): Decoded => ({ ok: false, error: { code, reason } });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes to text, refusing rather than guessing badly: UTF-8 (BOM or not), UTF-16 with a BOM,
 * or a legacy encoding that the detector is confident about.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return fail('empty', 'The file is empty.');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.includes(0)) return fail('binary', 'The file is binary (it contains NUL bytes), not text.');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return finish(utf8.replace(/^\uFEFF/u, ''), 'utf-8');
  const damage = utf8Damage(bytes);
  if (damage) return fail('undecodable', damage);
  const guess = analyse(bytes).find((m) => LEGACY.has(m.name));
  if (!guess || guess.confidence < MIN_CONFIDENCE || !iconv.encodingExists(guess.name)) {
    return fail('undecodable', 'The file is not valid UTF-8 and its encoding could not be recognised with confidence.');
  }
  return finish(iconv.decode(Buffer.from(bytes), guess.name), guess.name);
}

/** The first and last allowed value of a sequence's second byte, by its lead byte (RFC 3629 §4). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * UTF-8 with a few bad bytes (a corrupted or cut-off file) is not a legacy encoding, but the detector
 * often says it is (one stray byte in French UTF-8 reads as confident windows-1252, "cafÃ©"). Legacy text
 * holds few well-formed multi-byte sequences: none in windows-125x, at most one in two in CJK encodings.
 * A UTF-16 surrogate written as three bytes (ED A0 80: CESU-8 or WTF-8, from a program that encoded each
 * half of a pair) is well formed in shape, but UTF-8 forbids it, so it is named for what it is.
 */
function utf8Damage(bytes: Uint8Array): string | null {
  let valid = 0;
  let invalid = 0;
  let surrogates = 0;
  let first = -1;
  let isTailCut = false;
  const isTail = (i: number): boolean => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const [lo, hi] = secondByteRange(b);
    // k: how many bytes from i make the longest start of a well-formed sequence.
    let k = 1;
    if (len > 0 && i + 1 < bytes.length && bytes[i + 1]! >= lo && bytes[i + 1]! <= hi) {
      k = 2;
      while (k < len && isTail(i + k)) k++;
    }
    if (len > 0 && k === len) {
      valid++;
      i += len;
      continue;
    }
    if (first < 0) first = i;
    invalid++;
    if (b === 0xed && bytes[i + 1]! >= 0xa0 && bytes[i + 1]! <= 0xbf && isTail(i + 2)) {
      surrogates++;
      i += 3;
      continue;
    }
    isTailCut = len > 0 && i + k === bytes.length;
    i += k;
  }
  if (invalid === 0) return null;
  if (surrogates === invalid) {
    const what = `it holds ${surrogates === 1 ? 'a UTF-16 surrogate' : `${surrogates} UTF-16 surrogates`} written as UTF-8 (CESU-8 or WTF-8), the first at byte ${first}, which UTF-8 does not allow`;
    return `The file is not valid UTF-8: ${what}. It was not imported rather than shown garbled; save it again as UTF-8.`;
  }
  if (!(valid > 4 * invalid || (invalid === 1 && isTailCut))) return null;
  const what =
    isTailCut && invalid === 1
      ? 'it ends in the middle of a character, so it was probably cut short'
      : `it looks like UTF-8 with ${invalid} damaged byte sequence${invalid === 1 ? '' : 's'}, the first at byte ${first}`;
  return `The file is not valid UTF-8: ${what}. It was not imported rather than shown garbled.`;
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return finish(new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2)), label);
  } catch {
    return fail('undecodable', `The file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}.`);
  }
}

function finish(text: string, encoding: string): Decoded {
  if (text.trim() === '') return fail('empty', 'The file holds only white space.');
  // Control characters other than tab and newlines mean a binary file that happened to decode.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/gu)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) return fail('binary', 'The file is binary, not text.');
  return { ok: true, text: text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/gu, '').replace(/\r\n?/gu, '\n'), encoding };
}

/** Labels that name UTF-8 or plain ASCII, which the strict UTF-8 path above reads (and checks) best. */
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'unicode-1-1-utf-8']);

/**
 * Bytes in an encoding their container declared (a MIME part's charset, a page's `<meta>`): decoded so when
 * the label is one iconv knows, by the checks of decodeBytes otherwise (and always for UTF-8, whose damage
 * those checks name, and for bytes that start with a byte-order mark). ISO-8859-1 is read as windows-1252,
 * as browsers do.
 */
export function decodeDeclared(bytes: Uint8Array, charset: string | null | undefined): Decoded {
  const label = (charset ?? '').trim().toLowerCase();
  // A byte-order mark outranks any label, as it does in browsers.
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom || label === '' || UTF8_LABELS.has(label) || label.startsWith('utf-16')) return decodeBytes(bytes);
  const name = label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label;
  if (!iconv.encodingExists(name)) return decodeBytes(bytes);
  if (bytes.length === 0) return fail('empty', 'The file is empty.');
  return finish(iconv.decode(Buffer.from(bytes), name), name);
}

/**
 * The charset a page declares in its first kilobytes (`<meta charset>`, or `http-equiv` Content-Type), as the
 * HTML standard's prescan looks for it; null when it declares none.
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/giu)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(tag);
    if (direct) return direct[1]!.toLowerCase();
  }
  return null;
}

/**
 * A web page's bytes: valid UTF-8 is read as UTF-8 whatever the page says (saved pages are often re-encoded
 * without their `<meta>` being updated); otherwise the charset the page declares, as a browser reads it,
 * before any guess.
 */
export function decodePage(bytes: Uint8Array): Decoded {
  const declared = metaCharset(bytes);
  if (declared === null) return decodeBytes(bytes);
  const plain = decodeBytes(bytes);
  return plain.ok && plain.encoding === 'utf-8' ? plain : decodeDeclared(bytes, declared);
}
