import { describe, expect, it } from 'vitest';
import { bookTarget, linkHrefs } from './epubLinks.ts';

describe('linkHrefs', () => {
  it('reads quoted and unquoted hrefs, with XML references resolved', () => {
    const source = `<a href="ch2.xhtml#s&#x31;">a</a><a HREF = 'notes.xhtml#n&amp;1'>b</a><a href=ch3.xhtml>c</a><link href="style.css"/>`;
    expect(linkHrefs(source)).toEqual(['ch2.xhtml#s1', 'notes.xhtml#n&1', 'ch3.xhtml', 'style.css']);
  });
});

describe('bookTarget', () => {
  it('resolves a link against the document it is in, with its fragment decoded', () => {
    expect(bookTarget('OEBPS/text/ch1.xhtml', '../notes/n.xhtml?v=2#note%201')).toEqual({
      path: 'OEBPS/notes/n.xhtml',
      fragment: 'note 1',
    });
    expect(bookTarget('OEBPS/text/ch1.xhtml', '#here')).toEqual({ path: 'OEBPS/text/ch1.xhtml', fragment: 'here' });
    expect(bookTarget('OEBPS/text/ch1.xhtml', 'ch2.xhtml')).toEqual({ path: 'OEBPS/text/ch2.xhtml', fragment: '' });
  });

  it('is null for a link that leaves the book', () => {
    expect(bookTarget('a.xhtml', 'https://example.org/#x')).toBeNull();
    expect(bookTarget('a.xhtml', '//example.org/b')).toBeNull();
    expect(bookTarget('a.xhtml', 'mailto:someone@example.org')).toBeNull();
  });
});
