/** What a link in an article may do: open another article, ask before leaving the app, or nothing. */
export type LinkKind = 'relative' | 'external' | 'fragment' | 'blocked';

const SCHEME = /^([a-z][a-z0-9+.-]*):/iu;
const EXTERNAL = new Set(['http', 'https', 'mailto']);

/**
 * Classifies an article link. Browsers ignore control characters and spaces inside a scheme
 * ("jav&#x09;ascript:"), so the scheme is read without them; protocol-relative links ("//host")
 * leave the app and are blocked rather than guessed at.
 */
export function classifyHref(raw: string): LinkKind {
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/gu, '');
  if (compact === '') return 'blocked';
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined) return EXTERNAL.has(scheme) ? 'external' : 'blocked';
  if (compact.startsWith('//') || compact.startsWith('\\')) return 'blocked';
  if (compact.startsWith('#')) return 'fragment';
  return 'relative';
}

/** True for image sources on another host: those are never fetched, the alt text stands in. */
export function isRemoteSrc(src: string): boolean {
  const compact = src.replace(/[\u0000-\u0020\u007f-\u009f]/gu, '');
  return SCHEME.test(compact) || compact.startsWith('//');
}

/**
 * The URL of an article's local image in the desktop app, through its custom protocol (serve mode
 * gets capability URLs from the server instead). Each path segment is encoded on its own.
 */
export function assetUrl(articleId: string, src: string): string {
  const path = src
    .replace(/^\.\//u, '')
    .split(/[?#]/u)[0]!
    .split('/')
    .map((s) => encodeURIComponent(safeDecode(s)))
    .join('/');
  const id = encodeURIComponent(articleId);
  return `offprint-asset://${id}/${path}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The host of a source URL, for a compact byline; the raw text when it is not a URL. */
export function sourceLabel(source: string): string {
  try {
    return new URL(source).host.replace(/^www\./u, '') || source;
  } catch {
    return source;
  }
}

/**
 * An article's source as its byline and library row show it: a URL by its host, a book's ISBN as
 * "ISBN …", a UUID not at all (it tells a reader nothing), any other identifier as the book writes it.
 */
export function sourceText(source: string): string | null {
  const isbn = /^urn:isbn:(.+)$/iu.exec(source)?.[1];
  if (isbn) return `ISBN ${isbn}`;
  if (/^urn:uuid:/iu.test(source)) return null;
  return classifyHref(source) === 'external' ? sourceLabel(source) : source;
}
