import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './disposition.ts';

describe('the download header', () => {
  it('names a plain file as it is', () => {
    expect(attachmentDisposition('wasteland.epub')).toBe(`attachment; filename="wasteland.epub"; filename*=UTF-8''wasteland.epub`);
  });

  it('keeps quotes, backslashes and line breaks out of the quoted name, and the exact name in filename*', () => {
    const header = attachmentDisposition('a "b"\\c\r\nSet-Cookie: x.md');
    expect(header).not.toMatch(/[\r\n]/u);
    expect(header.split('"')).toHaveLength(3);
    expect(header).toContain(`filename*=UTF-8''a%20%22b%22%5Cc%0D%0ASet-Cookie%3A%20x.md`);
  });

  it('spells a non-ASCII name in UTF-8 for filename*, with an ASCII stand-in', () => {
    expect(attachmentDisposition('Øst (2).md')).toBe(`attachment; filename="_st (2).md"; filename*=UTF-8''%C3%98st%20%282%29.md`);
  });
});
