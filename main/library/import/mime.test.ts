import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../common/blocks.ts';
import { importBytes } from './importFile.ts';
import { decodeQuotedPrintable, decodeWords, listParts, partBody } from './mime.ts';
import { mhtmlFile, partText, PIXEL_PNG } from './mhtmlTestFile.ts';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

function imported(file: string | Buffer) {
  const result = importBytes('page.mhtml', typeof file === 'string' ? latin1(file) : file);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.reason}`);
  return result.doc;
}

describe('quoted-printable', () => {
  it('decodes =XX bytes and joins soft line breaks (LF, CRLF, trailing white space)', () => {
    const out = decodeQuotedPrintable(latin1('caf=C3=A9 =\r\nau lait=  \nand =3D sign=0Anext'));
    expect(Buffer.from(out).toString('utf8')).toBe('café au laitand = sign\nnext');
  });

  it('keeps an = that starts no escape', () => {
    expect(Buffer.from(decodeQuotedPrintable(latin1('a=ZZb=4'))).toString('latin1')).toBe('a=ZZb=4');
  });
});

describe('encoded words in headers', () => {
  it('decodes Q and B words, joining adjacent ones', () => {
    const decode = (bytes: Uint8Array, charset: string) =>
      iconv.encodingExists(charset) ? iconv.decode(Buffer.from(bytes), charset) : null;
    expect(decodeWords('=?utf-8?Q?Caf=C3=A9_cr=C3=A8me?= =?utf-8?B?4oCUIGJvbg==?=', decode)).toBe('Café crème— bon');
    expect(decodeWords('=?x-unknown?Q?abc?=', decode)).toBe('=?x-unknown?Q?abc?=');
  });
});

describe('the parts of a file', () => {
  it('flattens a multipart/alternative inside multipart/related, as Internet Explorer and Outlook write', () => {
    const inner = [
      '--alt',
      partText({ type: 'text/plain', body: 'plain version' }),
      '--alt',
      partText({ type: 'text/html', body: '<p>html version</p>' }),
      '--alt--',
    ].join('\r\n');
    const file = mhtmlFile([
      { type: 'multipart/alternative; boundary="alt"', body: inner },
      { type: 'image/png', body: PIXEL_PNG, encoding: 'base64', id: 'img1' },
    ]);
    const listed = listParts(latin1(file));
    if (!listed.ok) throw new Error(listed.error.reason);
    expect(listed.archive.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html', 'image/png']);
    expect(Buffer.from(partBody(latin1(file), listed.archive.parts[2]!, 1e6)!)).toEqual(PIXEL_PNG);
  });
});

describe('pages made here in the layouts saving programs use', () => {
  it('takes the root part the start parameter names, and its pictures by cid', () => {
    const file = mhtmlFile(
      [
        { type: 'text/html', body: '<html><body><p>A decoy page that is not the root.</p></body></html>', id: 'decoy' },
        {
          type: 'text/html; charset="utf-8"',
          id: 'root@example',
          encoding: 'quoted-printable',
          body: '<html><head><title>Root</title></head><body><p>The real page, with a picture.</p><img src=3D"cid:pic@example" alt=3D"pic"></body></html>',
        },
        { type: 'image/png', id: 'pic@example', body: PIXEL_PNG, encoding: 'base64' },
      ],
      { 'Content-Type': 'multipart/related; type="text/html"; start="<root@example>"; boundary="----=_NextPart_000_0000_01D0"' },
      '----=_NextPart_000_0000_01D0',
    );
    const doc = imported(file);
    expect(doc.title).toBe('Root');
    expect(doc.blocks.map(blockText).join('\n')).toContain('The real page');
    expect(doc.blocks.find((b) => b.type === 'figure')).toMatchObject({ src: 'mhtml-part/2.png', alt: 'pic' });
  });

  it('resolves relative srcs against the page’s Content-Location', () => {
    const doc = imported(
      mhtmlFile([
        {
          type: 'text/html',
          location: 'https://example.org/news/story.html',
          body: '<html><body><p>Story text.</p><img src="../img/a.png" alt="a"></body></html>',
        },
        { type: 'image/png', location: 'https://example.org/img/a.png', body: PIXEL_PNG, encoding: 'base64' },
      ]),
    );
    expect(doc.blocks.find((b) => b.type === 'figure')).toMatchObject({ src: 'mhtml-part/1.png' });
  });

  it('decodes the page in the charset of its part header', () => {
    const html = iconv.encode(
      '<html><head><title>Привет</title></head><body><p>Съешь же ещё этих мягких булок.</p></body></html>',
      'windows-1251',
    );
    const file = Buffer.concat([
      latin1(mhtmlFile([{ type: 'text/html; charset=windows-1251', body: 'PLACEHOLDER' }]).split('PLACEHOLDER')[0]!),
      html,
      latin1('\r\n------MultipartBoundary--test------\r\n'),
    ]);
    expect(imported(file)).toMatchObject({ title: 'Привет' });
  });

  it('decodes the page in the charset its meta tag declares when the part header names none (Chrome)', () => {
    const html = iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Crème brûlée</title></head><body><p>Über café.</p></body></html>',
      'windows-1252',
    );
    const [before, after] = mhtmlFile([{ type: 'text/html', body: 'PLACEHOLDER' }]).split('PLACEHOLDER');
    expect(imported(Buffer.concat([latin1(before!), html, latin1(after!)]))).toMatchObject({ title: 'Crème brûlée' });
  });

  it('takes the title from an encoded Subject when the page has none, and the source from Snapshot-Content-Location', () => {
    const doc = imported(
      mhtmlFile([{ type: 'text/html', body: '<html><body><p>No title in the page itself.</p></body></html>' }], {
        Subject: '=?utf-8?Q?Caf=C3=A9_notes?=',
        'Snapshot-Content-Location': 'https://example.org/cafe',
      }),
    );
    expect(doc).toMatchObject({ title: 'Café notes', source: 'https://example.org/cafe', date: '2024-04-02' });
  });

  it('keeps the page’s own date over the Date header', () => {
    const doc = imported(
      mhtmlFile([
        {
          type: 'text/html',
          body: '<html><head><meta property="article:published_time" content="2019-05-04"></head><body><p>Dated.</p></body></html>',
        },
      ]),
    );
    expect(doc.date).toBe('2019-05-04');
  });
});
