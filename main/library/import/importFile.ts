import { basename, extname } from 'node:path';
import type { ImportResult, ImportedDocument } from '../model.ts';
import { blockText } from '../../../common/blocks.ts';
import { decodeBytes, decodePage } from './decode.ts';
import { importEpub } from './epub.ts';
import { formatOf } from './formats.ts';
import { importHtml } from './html.ts';
import { importMarkdown } from './markdown.ts';
import { importMhtml } from './mhtml.ts';
import { importPdf } from './pdf.ts';
import { importTxt } from './txt.ts';

export { formatOf } from './formats.ts';

/** A language from the script when the file did not say, and the direction that goes with it. */
export function guessScript(text: string): { language: string | null; dir: 'ltr' | 'rtl' | null } {
  const sample = text.slice(0, 4000);
  // Most articles are in a Latin script: one cheap test saves the script scans below.
  if (!/[^\u0000-\u024f\u2000-\u206f]/u.test(sample)) return { language: null, dir: null };
  if (/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(sample)) return { language: 'ja', dir: 'ltr' };
  if (/\p{sc=Han}/u.test(sample)) return { language: 'zh', dir: 'ltr' };
  if (/\p{sc=Hangul}/u.test(sample)) return { language: 'ko', dir: 'ltr' };
  if (/\p{sc=Thai}/u.test(sample)) return { language: 'th', dir: 'ltr' };
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const rtl = sample.match(/[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}]/gu)?.length ?? 0;
  if (letters > 0 && rtl / letters > 0.5) return { language: /\p{sc=Hebrew}/u.test(sample) ? 'he' : 'ar', dir: 'rtl' };
  return { language: null, dir: null };
}

function finish(doc: ImportedDocument, text: string): ImportedDocument {
  const guess = guessScript(text);
  const isRtlLang = doc.language !== null && /^(ar|he|fa|ur|yi|ps|dv|syr|ug|ckb)(-|$)/iu.test(doc.language);
  return {
    ...doc,
    title: doc.title.slice(0, 500),
    language: doc.language ?? guess.language,
    dir: doc.dir ?? (isRtlLang ? 'rtl' : guess.dir),
  };
}

/** Bytes of one file to a document, or an error value; never throws. */
export function importBytes(path: string, bytes: Uint8Array): ImportResult {
  const format = formatOf(path);
  if (!format)
    return {
      ok: false,
      error: { code: 'unsupported', reason: `Offprint does not read ${extname(path) || 'files without an extension'}.` },
    };
  const fallbackTitle = basename(path, extname(path));
  if (format === 'epub' || format === 'mhtml' || format === 'pdf') return importContainer(format, bytes, fallbackTitle);
  const decoded = format === 'html' ? decodePage(bytes) : decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  try {
    const result =
      format === 'txt'
        ? importTxt(decoded.text, fallbackTitle)
        : format === 'markdown'
          ? importMarkdown(decoded.text, fallbackTitle)
          : importHtml(decoded.text, fallbackTitle);
    if (!result.ok) return result;
    return { ok: true, doc: finish(result.doc, decoded.text) };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'parse', reason: `The ${format} could not be read: ${(err as Error).message?.slice(0, 200) ?? String(err)}` },
    };
  }
}

const CONTAINER_NAMES = { epub: 'EPUB', mhtml: 'MHTML file', pdf: 'PDF' } as const;

/** A file that holds its documents inside (a zip, a MIME archive, a PDF): its own importer decodes what it reads. */
function importContainer(format: 'epub' | 'mhtml' | 'pdf', bytes: Uint8Array, fallbackTitle: string): ImportResult {
  try {
    const result = (format === 'epub' ? importEpub : format === 'mhtml' ? importMhtml : importPdf)(bytes, fallbackTitle);
    if (!result.ok) return result;
    const opening = result.doc.blocks.slice(0, 40).map(blockText).join('\n');
    return { ok: true, doc: finish(result.doc, opening) };
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'parse',
        reason: `The ${CONTAINER_NAMES[format]} could not be read: ${(err as Error).message?.slice(0, 200) ?? String(err)}`,
      },
    };
  }
}
