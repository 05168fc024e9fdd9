/**
 * Pictures written into a page as `data:` URIs (SingleFile inlines every one; other tools some). The
 * importer names each by its place among the page's inline pictures (`offprint-inline/3.png`) instead of
 * keeping megabytes of base64 in the index, and the asset route reads it back out of the file, so such a
 * picture takes the same path as any other: checked type, capped size, never SVG (which can hold script).
 */

const EXTENSIONS: Record<string, string> = {
  png: 'png',
  jpeg: 'jpg',
  jpg: 'jpg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  bmp: 'bmp',
};

/** One pass, no backtracking: the payload is a single run of base64 characters. */
const INLINE = /data:image\/(png|jpeg|jpg|gif|webp|avif|bmp);base64,([A-Za-z0-9+/]+=*)/giu;
const KEY = /^offprint-inline\/(\d{1,6})\.([a-z]+)$/u;
const MAX_PICTURES = 100_000;

interface Found {
  uri: string;
  ext: string;
  payload: string;
}

function* inlinePictures(text: string): Generator<Found> {
  if (!text.includes('data:image/')) return;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    if (++n > MAX_PICTURES) return;
    yield { uri: m[0], ext: EXTENSIONS[m[1]!.toLowerCase()]!, payload: m[2]! };
  }
}

/**
 * For the importer: a page's `data:` picture src → its key, or null for any other src. Counted over the
 * page's text as written, so the asset route, which sees only the file, counts the same way.
 */
export function inlineImageKeys(text: string): ((src: string) => string | null) | null {
  const keys = new Map<string, string>();
  let index = 0;
  for (const found of inlinePictures(text)) {
    if (!keys.has(found.uri)) keys.set(found.uri, `offprint-inline/${index}.${found.ext}`);
    index++;
  }
  if (keys.size === 0) return null;
  return (src) => keys.get(src.trim()) ?? null;
}

export const isInlineImageKey = (src: string): boolean => KEY.test(src);

/** For the asset route: the picture a key names in the page's text, decoded, or null. */
export function inlineImage(text: string, key: string, maxBytes: number): Uint8Array | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const wanted = Number(m[1]);
  let index = 0;
  for (const found of inlinePictures(text)) {
    if (index++ !== wanted) continue;
    if (found.ext !== m[2] || (found.payload.length * 3) / 4 > maxBytes) return null;
    return new Uint8Array(Buffer.from(found.payload, 'base64'));
  }
  return null;
}
