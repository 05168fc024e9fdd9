import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportedDocument } from '../model.ts';
import { documentText } from '../text/blocks.ts';
import { importBytes } from './importFile.ts';
import { importHtml } from './html.ts';

const PROSE =
  'The council met on Tuesday evening to discuss the new library building. Residents spoke for and against the plan, and the mayor promised a decision before the summer. The architect showed drawings of a reading room with tall windows facing the river.';

function doc(source: string, fallbackTitle = 'fallback'): ImportedDocument {
  const result = importHtml(source, fallbackTitle);
  if (!result.ok) throw new Error(result.error.reason);
  return result.doc;
}

const page = (head: string, body: string, htmlAttrs = ''): string =>
  `<!doctype html><html${htmlAttrs}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const hrefsAndSrcs = (d: ImportedDocument): string[] =>
  (JSON.stringify(d.blocks).match(/"(?:href|src)":"(?:[^"\\]|\\.)*"/gu) ?? [])
    .map((m) => JSON.parse(`{${m}}`) as Record<string, string>)
    .map((o) => Object.values(o)[0]!);

describe('importHtml', () => {
  it('keeps the main article and leaves out navigation, asides and footers', () => {
    const d = doc(
      page(
        '<title>Library plan | The Gazette</title>',
        `<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
         <article><h1>Library plan</h1><p>${PROSE}</p><p>${PROSE} Second time.</p></article>
         <aside>Related stories you might like</aside><footer>Copyright The Gazette</footer>`,
      ),
    );
    const text = documentText(d.blocks);
    expect(text).toContain('Second time.');
    expect(text).not.toContain('About us');
    expect(text).not.toContain('Related stories');
    expect(text).not.toContain('Copyright');
  });

  it('reads title, author and published date from meta tags', () => {
    const d = doc(
      page(
        '<title>Plain title</title><meta property="og:title" content="Library plan"><meta name="author" content="Jane Roe"><meta property="article:published_time" content="2021-03-05T10:00:00Z"><link rel="canonical" href="https://example.org/library">',
        `<article><p>${PROSE}</p></article>`,
      ),
    );
    expect(d).toMatchObject({
      title: 'Library plan',
      author: 'Jane Roe',
      date: '2021-03-05',
      source: 'https://example.org/library',
      format: 'html',
    });
  });

  it('reads the byline and a time element when there are no meta tags', () => {
    const d = doc(
      page(
        '<title>T</title>',
        `<article><p class="byline">By Sam Poe</p><time datetime="2020-12-31">New Year's Eve</time><p>${PROSE}</p></article>`,
      ),
    );
    expect(d.author).toBe('Sam Poe');
    expect(d.date).toBe('2020-12-31');
  });

  it('falls back to the first heading and then to the file name for the title', () => {
    expect(doc('<body><h1>Only a heading</h1><p>Text.</p></body>', 'file').title).toBe('Only a heading');
    expect(doc('<p>Just text.</p>', 'file').title).toBe('file');
  });

  it('reads lang and dir from the html element, and dir from the body', () => {
    expect(doc(page('<title>T</title>', `<p>${PROSE}</p>`, ' lang="ar" dir="rtl"'))).toMatchObject({ language: 'ar', dir: 'rtl' });
    expect(doc(`<html lang="he"><head><title>T</title></head><body dir="RTL"><p>${PROSE}</p></body></html>`)).toMatchObject({
      language: 'he',
      dir: 'rtl',
    });
    expect(doc(page('<title>T</title>', `<p>${PROSE}</p>`, ' dir="sideways"')).dir).toBeNull();
  });

  it('treats an article element inside the content as a plain container', () => {
    const d = doc(
      page(
        '<title>T</title>',
        `<article><p>${PROSE}</p><article><h2>Inner</h2><p>Inner article text is kept.</p></article><p>After.</p></article>`,
      ),
    );
    const text = documentText(d.blocks);
    expect(text).toContain('Inner article text is kept.');
    expect(text).toContain('After.');
    expect(d.blocks.some((b) => b.type === 'heading' && documentText([b]) === 'Inner')).toBe(true);
  });

  it('drops scripts, styles, iframes, objects, embeds and forms with their content', () => {
    const d = doc(
      page(
        '<title>T</title><style>body{background:url(https://evil.invalid/x)}</style>',
        `<article><p>${PROSE}</p><script>window.__pwn=1</script><iframe srcdoc="<script>parent.__pwn=1</script>">iframe text</iframe>
         <object data="x.swf">object text</object><embed src="x.swf"><form action="https://evil.invalid"><button>Send</button></form>
         <noscript>noscript text</noscript><svg><text>svg text</text></svg><p>Kept.</p></article>`,
      ),
    );
    const json = JSON.stringify(d);
    expect(json).not.toMatch(/__pwn|iframe text|object text|Send|noscript text|svg text|evil\.invalid/u);
    expect(documentText(d.blocks)).toContain('Kept.');
  });

  it('drops event-handler attributes, keeping only the text of their elements', () => {
    const d = doc(
      `<p onclick="window.__pwn=1">click</p><img src="a.png" onerror="window.__pwn=1" alt="pic"><details open ontoggle="window.__pwn=1"><summary>sum</summary>body</details>`,
    );
    expect(JSON.stringify(d)).not.toMatch(/on(click|error|toggle)|__pwn/u);
    expect(d.blocks).toContainEqual({ type: 'figure', src: 'a.png', alt: 'pic', caption: [] });
  });

  it('drops javascript:, vbscript: and data: links however they are disguised', () => {
    const links = [
      'javascript:window.__pwn=1',
      'JaVaScRiPt:window.__pwn=1',
      '&#106;avascript:window.__pwn=1',
      '&#x6A;&#x61;&#x76;&#x61;script:window.__pwn=1',
      'jav&#x09;ascript:window.__pwn=1',
      'jav&#10;ascript:window.__pwn=1',
      'java\tscript:window.__pwn=1',
      ' \n javascript:window.__pwn=1',
      '&nbsp;javascript:window.__pwn=1',
      '&#xFEFF;javascript:window.__pwn=1',
      '&#x2028;javascript:window.__pwn=1',
      '&#0;javascript:window.__pwn=1',
      'javascript&colon;window.__pwn=1',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd249MTwvc2NyaXB0Pg==',
      'DATA:text/html,<script>window.__pwn=1</script>',
      'file:///etc/passwd',
      'offprint://app/settings',
      '//evil.invalid/x',
      '/\\evil.invalid/x',
    ];
    const body = links
      .map((h, i) => `<p><a href="${h.replaceAll('"', '&quot;')}">link ${i}</a> <img src="${h}" alt="img ${i}"></p>`)
      .join('');
    const d = doc(body);
    for (const value of hrefsAndSrcs(d)) {
      const compact = value.replace(/[\p{C}\p{Z}\s]/gu, '');
      expect(compact).not.toMatch(/^(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/iu);
      expect(compact.replaceAll('\\', '/')).not.toMatch(/^\/\//u);
    }
    expect(documentText(d.blocks)).toContain('link 0');
  });

  it('keeps http, https, mailto, in-page and relative links', () => {
    const d = doc(
      '<p><a href="https://example.org">a</a> <a href="HTTP://example.org">b</a> <a href="mailto:x@example.org">c</a> <a href="#note">d</a> <a href="../x.html">e</a></p>',
    );
    expect(hrefsAndSrcs(d)).toEqual(['https://example.org', 'HTTP://example.org', 'mailto:x@example.org', '#note', '../x.html']);
  });

  it('reads a fragment, plain text, or a page without a body tag', () => {
    expect(documentText(doc('<p>Hello <b>there</b></p>').blocks)).toBe('Hello there');
    expect(documentText(doc('Just words & more').blocks)).toBe('Just words & more');
    expect(documentText(doc('<html lang="fr"><head><title>T</title></head><p>Sans body.</p></html>').blocks)).toBe('Sans body.');
    expect(doc('<html lang="fr"><head><title>T</title></head><p>x</p></html>')).toMatchObject({ title: 'T', language: 'fr' });
  });

  it('keeps the text of a page nested deeper than Readability can afford', () => {
    const depth = 2000;
    const d = doc(page('<title>Deep</title>', `<p>${PROSE}</p>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`));
    expect(documentText(d.blocks)).toContain('deep text');
  });

  it('keeps text after a stray </body> or </html> as body text, as a browser does', () => {
    const d = doc(`<html><head><title>T</title></head><body><p>${PROSE}</p></body><p>After the body.</p></html>After the html.`);
    expect(documentText(d.blocks)).toMatch(/After the body\.[\s\S]*After the html\./u);
  });

  it('ends unclosed svg, math and form elements where a browser ends them', () => {
    const text = documentText(
      doc(
        page(
          '<title>T</title>',
          `<p>${PROSE}</p><svg><circle r="1"/><p>After the svg.</p><math><mi>x</mi><p>After the math.</p><form><p>Inside the form.</p>`,
        ),
      ).blocks,
    );
    for (const s of ['After the svg.', 'After the math.', 'Inside the form.']) expect.soft(text).toContain(s);
  });

  it('reads a page of half a million character references as one run of text', () => {
    const d = doc(`<p>${'a&amp;'.repeat(480_000)}</p><p>End of the references.</p>`);
    const text = documentText(d.blocks);
    expect(text.length).toBeGreaterThan(960_000);
    expect(text).toContain('End of the references.');
  });

  it('keeps the text of 200,000 nested divs, nested no deeper than a browser nests them', () => {
    const d = doc(`<p>${PROSE}</p>${'<div>'.repeat(200_000)}deep text${'</div>'.repeat(200_000)}<p>After the divs.</p>`);
    expect(documentText(d.blocks)).toMatch(/deep text[\s\S]*After the divs\./u);
  });

  it('reads a Windows-1252 page once importBytes has decoded it', () => {
    const bytes = iconv.encode(
      `<!doctype html><html><head><title>Crème</title></head><body><p>Café crème brûlée. ${PROSE}</p></body></html>`,
      'win1252',
    );
    const result = importBytes('page.html', bytes);
    expect(result.ok && documentText(result.doc.blocks)).toContain('Café crème brûlée.');
  });

  it('reads a page in the charset its <meta> declares', () => {
    const bytes = iconv.encode(
      `<!doctype html><html><head><meta charset="iso-8859-2"><title>Kůň</title></head><body><p>Příliš žluťoučký kůň úpěl ďábelské ódy. ${PROSE}</p></body></html>`,
      'iso-8859-2',
    );
    const result = importBytes('page.html', bytes);
    expect(result.ok && result.doc.title).toBe('Kůň');
  });
});
