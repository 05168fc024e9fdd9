import { describe, expect, it } from 'vitest';
import { parseXml } from './epubXml.ts';
import { bookIdentifier, normalizeIdentifier } from './epubIdentifier.ts';

const identifiers = (xml: string) =>
  parseXml(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${xml}</metadata>`).children[0]!
    .children;

describe('normalizeIdentifier', () => {
  it('writes an ISBN as urn:isbn with its digits, however the book spells it', () => {
    expect(normalizeIdentifier('urn:isbn:978-0-14-118776-1')).toBe('urn:isbn:9780141187761');
    expect(normalizeIdentifier('ISBN 978 0 14 118776 1')).toBe('urn:isbn:9780141187761');
    expect(normalizeIdentifier('9780141187761')).toBe('urn:isbn:9780141187761');
    expect(normalizeIdentifier('0-14-118776-x', 'ISBN')).toBe('urn:isbn:014118776X');
  });

  it('takes ten bare digits for an ISBN only when the book says it is one', () => {
    expect(normalizeIdentifier('0141187761')).toBe('0141187761');
  });

  it('writes a UUID as a lower-case urn:uuid', () => {
    expect(normalizeIdentifier('urn:uuid:0B9D1D4A-8E9C-4F47-9A8F-2E1F0C9A6B11')).toBe('urn:uuid:0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11');
    expect(normalizeIdentifier('0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11')).toBe('urn:uuid:0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11');
  });

  it('keeps a URL and other identifiers as written, and drops placeholders', () => {
    expect(normalizeIdentifier(' http://www.gutenberg.org/ebooks/1342 ')).toBe('http://www.gutenberg.org/ebooks/1342');
    expect(normalizeIdentifier('code.google.com.epub-samples.wasteland-basic')).toBe('code.google.com.epub-samples.wasteland-basic');
    expect(normalizeIdentifier('unknown')).toBeNull();
    expect(normalizeIdentifier('  ')).toBeNull();
  });
});

describe('bookIdentifier', () => {
  it('is the identifier the package names as its unique identifier', () => {
    const list = identifiers(
      '<dc:identifier id="a">urn:uuid:0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11</dc:identifier><dc:identifier id="b">urn:isbn:9780141187761</dc:identifier>',
    );
    expect(bookIdentifier(list, 'a')).toBe('urn:uuid:0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11');
  });

  it('falls back to an ISBN when the named identifier is missing or a placeholder', () => {
    const list = identifiers(
      '<dc:identifier id="u">unknown</dc:identifier><dc:identifier>shelf-12</dc:identifier><dc:identifier opf:scheme="ISBN">9780141187761</dc:identifier>',
    );
    expect(bookIdentifier(list, 'u')).toBe('urn:isbn:9780141187761');
    expect(bookIdentifier(list, 'gone')).toBe('urn:isbn:9780141187761');
    expect(bookIdentifier(identifiers('<dc:identifier id="u">unknown</dc:identifier>'), 'u')).toBeNull();
  });
});
