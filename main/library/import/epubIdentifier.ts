import { safeHref } from './domBlocks.ts';
import { xmlText, type XmlElement } from './epubXml.ts';

/** Values some tools write where they had no identifier to give. */
const PLACEHOLDER = /^(?:unknown|none|n\/?a|null|undefined|-+)$/iu;
const UUID = /^(?:urn:)?(?:uuid:)?([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$/iu;

/** The digits of an ISBN-10 or ISBN-13, written with or without "urn:isbn:", "ISBN", hyphens or spaces; null for anything else. */
function isbnDigits(text: string, scheme: string): string | null {
  const bare = text.replace(/^(?:urn:isbn:|isbn(?:-1[03])?:?\s*)/iu, '');
  const isLabelled = bare !== text || /^isbn$/iu.test(scheme);
  const digits = bare.replace(/[\s-]/gu, '').toUpperCase();
  if (/^97[89]\d{10}$/u.test(digits)) return digits;
  // Ten digits without a label could be anything (a catalogue number); an ISBN-10 is taken only when it says so.
  return isLabelled && /^\d{9}[\dX]$/u.test(digits) ? digits : null;
}

/**
 * A book's identifier as Offprint keeps it, in the article's `source`: its URL when it is one, else a URN
 * (`urn:isbn:…` for an ISBN however it was written, `urn:uuid:…` for a UUID), else the text the book gives.
 * Null for an empty or placeholder identifier ("unknown").
 */
export function normalizeIdentifier(raw: string, scheme = ''): string | null {
  const text = raw.replace(/\s+/gu, ' ').trim().slice(0, 300);
  if (text === '' || PLACEHOLDER.test(text)) return null;
  if (/^https?:\/\//iu.test(text)) return safeHref(text);
  const isbn = isbnDigits(text, scheme);
  if (isbn) return `urn:isbn:${isbn}`;
  const uuid = UUID.exec(text)?.[1];
  if (uuid && (/^(?:urn:)?uuid:/iu.test(text) || /^uuid$/iu.test(scheme) || uuid.includes('-'))) return `urn:uuid:${uuid.toLowerCase()}`;
  return text;
}

/**
 * The book's identifier: the one the package's unique-identifier names. Where that names nothing (a
 * package with the named one commented out happens), an ISBN among the others, then a URL, then the first.
 */
export function bookIdentifier(identifiers: readonly XmlElement[], uniqueId: string | undefined): string | null {
  const all = identifiers
    .map((el) => ({
      id: el.attrs.get('id'),
      value: normalizeIdentifier(xmlText(el), el.attrs.get('opf:scheme') ?? el.attrs.get('scheme') ?? ''),
    }))
    .filter((i): i is { id: string | undefined; value: string } => i.value !== null);
  const named = uniqueId === undefined ? undefined : all.find((i) => i.id === uniqueId);
  const pick = named ?? all.find((i) => i.value.startsWith('urn:isbn:')) ?? all.find((i) => /^https?:/iu.test(i.value)) ?? all[0];
  return pick?.value ?? null;
}
