/**
 * A PDF with a text layer as one article: its text in reading order (pdfLayout.ts) without running
 * headers and page numbers (pdfRunning.ts), each block marked with the page it starts on. A PDF without
 * text (a scan), one behind a password, a truncated one and one whose streams unpack past a cap are
 * refused with their reason.
 */
import { Unzlib } from 'fflate';
import type { Block } from '../../../common/blocks.ts';
import type { ImportResult } from '../model.ts';
import { normalizeDate } from './dates.ts';
import { readPdfSync } from './pdfBridge.ts';
import { bodySize, hyphenatedWords, joinLines, paragraphsOf, piecesOf, runsOf, type Paragraph, type Piece } from './pdfLayout.ts';
import { withoutRunning } from './pdfRunning.ts';
import type { PdfMetadata } from './pdfText.ts';

const MB = 1024 * 1024;
/** What a PDF's compressed streams (pictures aside) may unpack to, all together. */
export const MAX_EXPANDED_BYTES = 200 * MB;
/**
 * How long the PDF reader may take: the parser's own budget (parser.ts: 2 s + 1 s per MB of CPU time)
 * cuts a slow file off first; this deadline, its wall-clock backstop, holds where no parser watches.
 */
const deadlineMs = (size: number) => 10_000 + (5_000 * size) / MB;

const refuse = (code: 'parse' | 'too-large' | 'encrypted' | 'no-text-layer' | 'too-slow', reason: string): ImportResult => ({
  ok: false,
  error: { code, reason },
});

const latin1 = new TextDecoder('latin1');

/**
 * The bytes the Flate streams of the file unpack to, counted without keeping them, up to `cap`. Pictures
 * are left out (text import never decodes them); a stream that is not valid zlib counts what it gave.
 */
export function expandedBytes(bytes: Uint8Array, cap: number): number {
  const text = latin1.decode(bytes);
  let total = 0;
  for (const m of text.matchAll(/stream\r?\n/gu)) {
    const at = m.index;
    if (text.startsWith('end', at - 3)) continue;
    const head = text.slice(Math.max(0, at - 1000), at);
    const dict = head.slice(head.lastIndexOf(' obj') + 1);
    if (!/\/FlateDecode|\/Fl\b/u.test(dict) || /\/Subtype\s*\/Image/u.test(dict)) continue;
    const start = at + m[0].length;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    const inflate = new Unzlib((chunk) => {
      total += chunk.length;
      if (total > cap) throw new RangeError('over the cap');
    });
    try {
      for (let i = 0; i < data.length; i += 64 * 1024) inflate.push(data.subarray(i, i + 64 * 1024), i + 64 * 1024 >= data.length);
    } catch (err) {
      if (total > cap) return total;
      void err;
    }
  }
  return total;
}

/** A PDF date (D:YYYYMMDDHHmmSS±HH'mm') or an XMP one (ISO) as YYYY-MM-DD, on the date the file gives. */
export function pdfDate(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/u.exec(v);
  if (m && (v.startsWith('D:') || /^\d{5}/u.test(v))) return normalizeDate(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`);
  return normalizeDate(v);
}

/** A title from the info dictionary, unless it is only what the tool called the file ("paper.dvi", "Microsoft Word - x.doc"). */
function usableTitle(title: string | null): string | null {
  if (!title) return null;
  if (/\.(?:dvi|tex|docx?|pdf|ps|eps|rtf|odt|indd|qxd|pages|txt)$/iu.test(title) || /^(?:untitled|microsoft word\b)/iu.test(title))
    return null;
  return title;
}

/** The first page's largest text, when it is larger than the body text: most papers' title. */
function titleFromFirstPage(paragraphs: readonly Paragraph[], body: number): string | null {
  const first = paragraphs.filter((p) => p.page === paragraphs[0]?.page);
  const largest = first.reduce<Paragraph | null>((best, p) => (!best || p.size > best.size ? p : best), null);
  if (!largest || largest.size < body * 1.15) return null;
  const text = joinLines(largest.pieces.map((p) => p.text));
  return text.length <= 300 ? text : null;
}

function blockOf(paragraph: Paragraph, body: number, compounds: ReadonlySet<string>): Block {
  const text = joinLines(
    paragraph.pieces.map((p) => p.text),
    compounds,
  );
  const children = [{ type: 'text' as const, text }];
  const ratio = paragraph.size / body;
  if (ratio >= 1.15 && paragraph.pieces.length <= 3 && text.length <= 200) {
    const level = ratio >= 1.6 ? 1 : ratio >= 1.3 ? 2 : 3;
    return { type: 'heading', level, children, page: paragraph.page };
  }
  return { type: 'paragraph', children, page: paragraph.page };
}

export function importPdf(bytes: Uint8Array, fallbackTitle: string): ImportResult {
  const head = latin1.decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return refuse('parse', 'Not a PDF: the file does not start with a PDF header.');
  if (!latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF'))
    return refuse('parse', 'The PDF is truncated or damaged: it has no end-of-file marker; not imported.');
  if (expandedBytes(bytes, MAX_EXPANDED_BYTES) > MAX_EXPANDED_BYTES)
    return refuse('too-large', `The PDF's streams unpack to more than ${MAX_EXPANDED_BYTES / MB} MB; not imported.`);
  const read = readPdfSync(bytes, deadlineMs(bytes.length));
  if (!read.ok) return refuse(read.code, read.reason);
  const pages = read.pages.map((page, i) => ({ pieces: piecesOf(page.items, i + 1), width: page.width, height: page.height }));
  if (pages.every((p) => p.pieces.length === 0)) return refuse('no-text-layer', 'The PDF has no text layer (scanned); not imported.');
  const kept = withoutRunning(pages);
  const runs = kept.flatMap((pieces, i) => runsOf(pieces, pages[i]!.width, pages[i]!.height));
  const all: Piece[] = kept.flat();
  const body = bodySize(all);
  const paragraphs = paragraphsOf(runs, body);
  return { ok: true, doc: documentOf(read.meta, paragraphs, body, fallbackTitle) };
}

function documentOf(meta: PdfMetadata, paragraphs: readonly Paragraph[], body: number, fallbackTitle: string) {
  const compounds = hyphenatedWords(paragraphs.flatMap((p) => p.pieces.map((piece) => piece.text)));
  return {
    title: usableTitle(meta.title) ?? titleFromFirstPage(paragraphs, body) ?? fallbackTitle,
    author: meta.author,
    date: pdfDate(meta.date),
    source: null,
    language: null,
    dir: null,
    tags: [],
    format: 'pdf' as const,
    blocks: paragraphs.map((p) => blockOf(p, body, compounds)),
  };
}
