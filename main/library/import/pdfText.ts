/**
 * The part of PDF import that needs pdf.js: a document's metadata and each page's text items, read in
 * the PDF worker thread (main/library/pdfWorker.ts) and handed back as plain data for the layout
 * (pdfLayout.ts). Text only: no fonts are loaded into a page, nothing is drawn, no script is evaluated,
 * nothing is fetched (the data is in memory and the CMaps are read from the package's own folder).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text on a page, in PDF units with y going up from the page's bottom edge. */
export interface PdfItem {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size: the height of the run's em square. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  /** A PDF date (D:YYYYMMDD…) from the info dictionary, or an XMP (ISO) date. */
  date: string | null;
}

export type PdfRead =
  { ok: true; meta: PdfMetadata; pages: PdfPage[] } | { ok: false; code: 'encrypted' | 'parse' | 'too-large'; reason: string };

/** A book-length PDF is read; past this many pages the rest is left out rather than the budget spent. */
export const MAX_PAGES = 5000;
/** Text past this many characters is not read (a page of text holds a few thousand). */
export const MAX_CHARS = 20_000_000;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js's display layer draws on a canvas; in Node it looks for a native one (@napi-rs/canvas) and
 * builds a DOMMatrix when it loads. Text extraction draws nothing, so that package is never loaded
 * here and the matrix is an empty stand-in (this runs in the PDF worker thread, whose globals are its own).
 */
async function loadPdfJs(): Promise<PdfJs> {
  const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
  g.DOMMatrix ??= class DOMMatrix {};
  const { prototype } = (await import('node:module')).default as unknown as { prototype: { require(id: string): unknown } };
  const { require } = prototype;
  const { warn } = console;
  prototype.require = function (this: unknown, id: string) {
    if (id === '@napi-rs/canvas') throw new Error('text only: no canvas');
    return require.call(this, id);
  };
  // What pdf.js says while it loads is that it will not draw (it has no canvas): true, and not news.
  console.warn = () => {};
  try {
    // The "fake worker": pdf.js's parser runs in this thread, from the module loaded here, not from a URL.
    g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    prototype.require = require;
    console.warn = warn;
  }
}

/** A folder path, not a file: URL: under Node pdf.js hands it to fs.readFile as a string, name appended. */
const cMapUrl = (): string => `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;

const clean = (s: unknown): string | null => {
  if (typeof s !== 'string') return null;
  const t = s.replace(/[\u0000-\u001f\u007f]+/gu, ' ').trim();
  return t === '' ? null : t;
};

function metadataOf(info: Record<string, unknown>, xmp: { get(name: string): unknown } | null): PdfMetadata {
  const fromXmp = (name: string): string | null => {
    const v = xmp?.get(name);
    return clean(Array.isArray(v) ? v.join('; ') : v);
  };
  return {
    title: clean(info.Title) ?? fromXmp('dc:title'),
    author: clean(info.Author) ?? fromXmp('dc:creator'),
    date: clean(info.CreationDate) ?? fromXmp('xmp:createdate') ?? clean(info.ModDate),
  };
}

/** The error pdf.js threw, as a refusal. */
function refusal(err: unknown): Extract<PdfRead, { ok: false }> {
  const name = (err as { name?: unknown } | null)?.name;
  const message = String((err as { message?: unknown } | null)?.message ?? err).slice(0, 200);
  if (name === 'PasswordException') return { ok: false, code: 'encrypted', reason: 'The PDF is password-protected; not imported.' };
  if (name === 'InvalidPDFException')
    return { ok: false, code: 'parse', reason: `The PDF is truncated or damaged and could not be read (${message}).` };
  return { ok: false, code: 'parse', reason: `The PDF could not be read: ${message}` };
}

/** Loads pdf.js once; true when it loaded. */
export async function loadPdfReader(): Promise<boolean> {
  pdfjs ??= loadPdfJs();
  return pdfjs.then(
    () => true,
    () => false,
  );
}

/** Reads the metadata and the text of every page; never throws. */
export async function readPdf(data: Uint8Array): Promise<PdfRead> {
  pdfjs ??= loadPdfJs();
  let lib: PdfJs;
  try {
    lib = await pdfjs;
  } catch (err) {
    pdfjs = null;
    return { ok: false, code: 'parse', reason: `The PDF reader could not start: ${String((err as Error).message).slice(0, 200)}` };
  }
  const task = lib.getDocument({
    data,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const { info, metadata } = await doc.getMetadata();
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && chars < MAX_CHARS; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
        // Rotated text (a margin stamp, a turned table label) is not part of the running text.
        if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
        items.push({ text: item.str, x: e - x0, y: f - y0, width: item.width, size: Math.abs(d) || item.height });
        chars += item.str.length;
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return { ok: true, meta: metadataOf(info as Record<string, unknown>, metadata), pages };
  } catch (err) {
    return refusal(err);
  } finally {
    await task.destroy();
  }
}
