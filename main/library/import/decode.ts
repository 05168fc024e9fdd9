import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { ImportError } from '../model.ts';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: ImportError };

/** chardet scores 0–100; below this a legacy guess is too likely wrong to import. */
const MIN_CONFIDENCE = 30;
const LEGACY = new Set([
  'Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'GB18030', 'Big5', 'EUC-KR', 'ISO-2022-KR', 'ISO-2022-CN',
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256',
  'ISO-8859-1', 'ISO-8859-2', 'ISO-8859-5', 'ISO-8859-6', 'ISO-8859-7', 'ISO-8859-8', 'ISO-8859-9', 'KOI8-R',
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
  const guess = analyse(bytes).find((m) => LEGACY.has(m.name));
  if (!guess || guess.confidence < MIN_CONFIDENCE || !iconv.encodingExists(guess.name)) {
    return fail('undecodable', 'The file is not valid UTF-8 and its encoding could not be recognised with confidence.');
  }
  return finish(iconv.decode(Buffer.from(bytes), guess.name), guess.name);
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
