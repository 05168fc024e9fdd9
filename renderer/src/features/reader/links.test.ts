import { describe, expect, it } from 'vitest';
import { assetUrl, classifyHref, isRemoteSrc, sourceLabel, sourceText } from './links';

describe('classifyHref', () => {
  it('treats http, https and mailto as external', () => {
    expect(classifyHref('https://example.org/a?b=c')).toBe('external');
    expect(classifyHref('HTTP://example.org')).toBe('external');
    expect(classifyHref('mailto:a@example.org')).toBe('external');
  });

  it('blocks every other scheme, even when hidden by control characters or case', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav\tascript:alert(1)',
      ' javascript:x',
      'file:///etc/passwd',
      'smb://host/share',
      'offprint://app/x',
      'data:text/html,x',
      'ms-msdt:x',
    ]) {
      expect(classifyHref(href), href).toBe('blocked');
    }
  });

  it('blocks protocol-relative links, which leave the app', () => {
    expect(classifyHref('//evil.invalid/x')).toBe('blocked');
  });

  it('recognises relative links and in-page fragments', () => {
    expect(classifyHref('other.md')).toBe('relative');
    expect(classifyHref('../notes/other.md#part')).toBe('relative');
    expect(classifyHref('#section')).toBe('fragment');
  });
});

describe('isRemoteSrc', () => {
  it('is true for sources with a scheme or a host', () => {
    expect(isRemoteSrc('https://example.org/a.png')).toBe(true);
    expect(isRemoteSrc('//example.org/a.png')).toBe(true);
    expect(isRemoteSrc('images/a.png')).toBe(false);
  });
});

describe('assetUrl', () => {
  it('uses the custom protocol of the desktop app', () => {
    expect(assetUrl('abc', './img/a.png')).toBe('offprint-asset://abc/img/a.png');
    expect(assetUrl('abc', 'img/a b.png')).toBe('offprint-asset://abc/img/a%20b.png');
  });

  it('does not double-encode an already encoded path', () => {
    expect(assetUrl('abc', 'a%20b.png')).toBe('offprint-asset://abc/a%20b.png');
  });
});

describe('sourceLabel', () => {
  it('shows the host of a URL without www', () => {
    expect(sourceLabel('https://www.example.org/path')).toBe('example.org');
    expect(sourceLabel('Printed edition')).toBe('Printed edition');
  });
});

describe('sourceText', () => {
  it('shows a URL by its host, an ISBN as one, and a book identifier as written', () => {
    expect(sourceText('https://www.example.org/a/b')).toBe('example.org');
    expect(sourceText('urn:isbn:9780141187761')).toBe('ISBN 9780141187761');
    expect(sourceText('code.google.com.epub-samples.wasteland-basic')).toBe('code.google.com.epub-samples.wasteland-basic');
  });

  it('does not show a UUID, which tells a reader nothing', () => {
    expect(sourceText('urn:uuid:0b9d1d4a-8e9c-4f47-9a8f-2e1f0c9a6b11')).toBeNull();
  });
});
