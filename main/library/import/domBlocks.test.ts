import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../common/blocks.ts';
import { documentText } from '../text/blocks.ts';
import { blocksFromDom, safeHref, safeImageSrc } from './domBlocks.ts';
import { attrOf, elementsOf, parseHtmlFragment } from './htmlTree.ts';

const blocks = (html: string): Block[] => blocksFromDom(parseHtmlFragment(html));
const text = (t: string) => ({ type: 'text', text: t }) as const;
const BR = { type: 'break' } as const;

describe('blocksFromDom', () => {
  it('makes paragraphs, headings, rules and inline runs', () => {
    expect(blocks('<h3>  Head  </h3><p>line<br>next <em>em</em> <b>b</b> <code>x &lt; y</code></p><hr>')).toEqual([
      { type: 'heading', level: 3, children: [text('Head')] },
      {
        type: 'paragraph',
        children: [
          text('line'),
          BR,
          text('next '),
          { type: 'emphasis', children: [text('em')] },
          text(' '),
          { type: 'strong', children: [text('b')] },
          text(' '),
          { type: 'code', text: 'x < y' },
        ],
      },
      { type: 'rule' },
    ]);
  });

  it('collapses white space inside and between text runs', () => {
    expect(blocks('<p>\n   spaced\n\n   out  <span> here </span> </p>')).toEqual([
      { type: 'paragraph', children: [text('spaced out here')] },
    ]);
  });

  it('gathers loose text and inline elements into paragraphs around blocks', () => {
    expect(blocks('loose <b>bold</b><div>block</div>tail').map((b) => documentText([b]))).toEqual(['loose bold', 'block', 'tail']);
  });

  it('puts a nested list on its own line inside its list item instead of gluing the words together', () => {
    expect(blocks('<ul><li>a<ul><li>x</li><li>y</li></ul>tail</li><li><p>loose</p></li></ul>')).toEqual([
      { type: 'list', ordered: false, items: [[text('a'), BR, text('x'), BR, text('y'), BR, text('tail')], [text('loose')]] },
    ]);
  });

  it('keeps two explicit line breaks', () => {
    expect(blocks('<p>a<br><br>b</p>')).toEqual([{ type: 'paragraph', children: [text('a'), BR, BR, text('b')] }]);
  });

  it('makes ordered lists and skips empty items', () => {
    expect(blocks('<ol><li>one</li><li> </li><li>two</li></ol>')).toEqual([
      { type: 'list', ordered: true, items: [[text('one')], [text('two')]] },
    ]);
  });

  it('flattens a blockquote into one quote with blank lines between its parts', () => {
    expect(blocks('<blockquote><p>one</p><p>two</p><ul><li>x</li><li>y</li></ul></blockquote>')).toEqual([
      { type: 'quote', children: [text('one'), BR, BR, text('two'), BR, BR, text('x'), BR, text('y')] },
    ]);
  });

  it('keeps preformatted code with its language', () => {
    expect(blocks('<pre><code class="hljs language-ts">const a = 1;\n  b();\n</code></pre>')).toEqual([
      { type: 'code', language: 'ts', text: 'const a = 1;\n  b();' },
    ]);
    expect(blocks('<pre>plain</pre>')).toEqual([{ type: 'code', language: null, text: 'plain' }]);
  });

  it('turns images into figures after their paragraph, with the figcaption as caption', () => {
    expect(blocks('<p>a <img src="x.png" alt="X"> b</p>')).toEqual([
      { type: 'paragraph', children: [text('a b')] },
      { type: 'figure', src: 'x.png', alt: 'X', caption: [] },
    ]);
    expect(blocks('<figure><img src="p.png" alt="alt"><figcaption>The <em>caption</em></figcaption></figure>')).toEqual([
      { type: 'figure', src: 'p.png', alt: 'alt', caption: [text('The '), { type: 'emphasis', children: [text('caption')] }] },
    ]);
    expect(blocks('<picture><source srcset="a.webp"><img src="a.jpg" alt="A"></picture>')).toEqual([
      { type: 'figure', src: 'a.jpg', alt: 'A', caption: [] },
    ]);
  });

  it('keeps the caption of a figure whose image was dropped', () => {
    expect(blocks('<figure><img src="javascript:x"><figcaption>Only caption</figcaption></figure>')).toEqual([
      { type: 'paragraph', children: [text('Only caption')] },
    ]);
  });

  it('keeps a data table as a table: header cells, alignment, spans, and its caption before it', () => {
    const html = `<table><caption>Films by year</caption>
      <thead><tr><th>Year</th><th style="text-align: right">Gross</th></tr></thead>
      <tfoot><tr><td colspan="2">Source: the studio</td></tr></tfoot>
      <tbody><tr><th>1999</th><td align="RIGHT"><a href="javascript:x">463 M</a></td></tr>
      <tr><td rowspan="99999">2003</td><td><b>742</b> M</td></tr></tbody></table>`;
    expect(blocks(html)).toEqual([
      { type: 'paragraph', children: [text('Films by year')] },
      {
        type: 'table',
        rows: [
          [
            { header: true, children: [text('Year')] },
            { header: true, children: [text('Gross')], align: 'right' },
          ],
          [
            { header: true, children: [text('1999')] },
            { header: false, children: [text('463 M')], align: 'right' },
          ],
          [
            { header: false, children: [text('2003')], rowSpan: 65534 },
            { header: false, children: [{ type: 'strong', children: [text('742')] }, text(' M')] },
          ],
          [{ header: false, children: [text('Source: the studio')], colSpan: 2 }],
        ],
      },
    ]);
  });

  it('gives a table its text cell by cell and row by row, so each cell is searched', () => {
    const [table] = blocks('<table><tr><td>Year</td><td>Film</td></tr><tr><td>1999</td><td>The Matrix</td></tr></table>');
    expect(documentText([table!])).toBe('Year\tFilm\n1999\tThe Matrix');
  });

  it('reads a table that lays out a page as the page it holds', () => {
    expect(blocks('<table><tr><td>Only one column</td></tr><tr><td>of text</td></tr></table>')).toEqual([
      { type: 'paragraph', children: [text('Only one column')] },
      { type: 'paragraph', children: [text('of text')] },
    ]);
    expect(blocks('<table role="presentation"><tr><td>Menu</td><td><p>Body</p></td></tr></table>')).toEqual([
      { type: 'paragraph', children: [text('Menu')] },
      { type: 'paragraph', children: [text('Body')] },
    ]);
    const nested = blocks(
      '<table><tr><td>Side</td><td><h2>Story</h2><p>Words.</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>',
    );
    expect(nested.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'table']);
  });

  it('drops active and embedded content with everything inside it', () => {
    const dropped = [
      'script',
      'style',
      'noscript',
      'template',
      'iframe',
      'select',
      'svg',
      'math',
      'canvas',
      'audio',
      'video',
      'dialog',
      'nav',
      'aside',
    ];
    const html = dropped.map((t) => `<${t}>inside ${t}</${t}>`).join('') + '<p>kept</p>';
    expect(blocks(html).map((b) => documentText([b]))).toEqual(['kept']);
  });

  it('keeps the text a browser shows inside forms, buttons, text areas and objects, as text', () => {
    const html =
      '<form action="javascript:x"><p>in form</p><button onclick="x()">in button</button></form><textarea>in <b>area</b></textarea> <object data="x.swf">fallback</object>';
    expect(blocks(html).map((b) => documentText([b]))).toEqual(['in form', 'in button', 'in <b>area</b> fallback']);
  });

  it('keeps the rest of the page after an unclosed form or button', () => {
    expect(documentText(blocks('<p>before</p><form><p>after the form</p><button><p>after the button</p>'))).toBe(
      'before\n\nafter the form\n\nafter the button',
    );
  });

  it('ends an unclosed svg where a browser does, at the first HTML paragraph', () => {
    expect(documentText(blocks('<p>before</p><svg><text>drawn</text><p>after the svg</p>'))).toBe('before\n\nafter the svg');
  });

  it('ends comments at the abrupt endings a browser accepts', () => {
    expect(documentText(blocks('<p>a</p><!--><p>b</p><!---><p>c</p><!-- x --!><p>d</p><?php x ?><p>e</p><![CDATA[ y ]]><p>f</p>'))).toBe(
      'a\n\nb\n\nc\n\nd\n\ne\n\nf',
    );
  });

  it('keeps only the link text of a link with an unsafe scheme', () => {
    expect(blocks('<p><a href="javascript:window.__pwn=1">text</a> <a href="https://example.org">ok</a></p>')).toEqual([
      { type: 'paragraph', children: [text('text '), { type: 'link', href: 'https://example.org', children: [text('ok')] }] },
    ]);
  });

  it('keeps the text of elements nested deeper than it walks', () => {
    const out = blocks(`<p>${'<span>'.repeat(300)}deep${'</span>'.repeat(300)}</p>${'<div>'.repeat(1000)}deeper${'</div>'.repeat(1000)}`);
    expect(documentText(out)).toBe('deep\n\ndeeper');
  });
});

describe('safeHref', () => {
  it.each([
    'https://example.org/a?b#c',
    'http://x',
    'HTTPS://X',
    'mailto:a@b.c',
    '#frag',
    '?q=1',
    'rel/path.md',
    '../up.html',
    '/abs/path',
    'https:relative-looking',
  ])('keeps %j', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    '\u00a0javascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    '\u2028javascript:alert(1)',
    '\u200bjavascript:alert(1)',
    'javascript\u00ad:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'smb://host/share',
    'ms-msdt:/id',
    'offprint://app/x',
    'blob:https://x/y',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    '',
    '   ',
  ])('drops %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it('never returns a value whose scheme, as a browser reads it, is not http(s) or mailto', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'javascript',
        'JaVaScRiPt',
        'vbscript',
        'data',
        'file',
        'http',
        'https',
        'mailto',
        ':',
        '/',
        '\\',
        '//',
        '\t',
        '\n',
        ' ',
        '\u0000',
        '\u00a0',
        '\ufeff',
        '\u2028',
        '&#58;',
        'x',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((a) => a.join('')),
        (raw) => {
          const out = safeHref(raw);
          if (out === null) return;
          // The URL parser strips leading C0 controls and spaces, and every tab and newline.
          const seen = out.replace(/^[\u0000-\u0020]+/u, '').replace(/[\t\n\r]/gu, '');
          const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(seen)?.[1]?.toLowerCase();
          if (scheme !== undefined) expect(['http', 'https', 'mailto']).toContain(scheme);
          expect(seen.replaceAll('\\', '/').startsWith('//')).toBe(false);
        },
      ),
      { seed: 11, numRuns: 5000 },
    );
  });
});

describe('safeImageSrc', () => {
  it('keeps remote and relative images and drops mailto, data and script sources', () => {
    expect(safeImageSrc('img/a.png')).toBe('img/a.png');
    expect(safeImageSrc('https://example.org/a.png')).toBe('https://example.org/a.png');
    expect(safeImageSrc('mailto:a@b.c')).toBeNull();
    expect(safeImageSrc('data:image/png;base64,AAAA')).toBeNull();
    expect(safeImageSrc('javascript:alert(1)')).toBeNull();
    expect(safeImageSrc(null)).toBeNull();
  });
});

describe('blocksFromDom with anchors', () => {
  it('tells the block each target begins in, through quotes, lists, inline marks and empty wrappers', () => {
    const root = parseHtmlFragment(
      '<p>Zero.</p>loose <span id="a">text</span><blockquote><p>q</p><p id="b">quoted</p></blockquote>' +
        '<ul><li id="c">item</li></ul><div id="d"></div><table><tr><td id="e">x</td><td>y</td></tr></table><div id="f"></div>',
    );
    const byId = new Map([...elementsOf(root)].map((el) => [attrOf(el, 'id'), el] as const));
    const anchors = { targets: new Set([...byId.entries()].filter(([id]) => id).map(([, el]) => el)), at: new Map() };
    const out = blocksFromDom(root, anchors);
    const at = (id: string) => anchors.at.get(byId.get(id)!);
    expect(out.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'quote', 'list', 'table']);
    expect([at('a'), at('b'), at('c'), at('d'), at('e'), at('f')]).toEqual([1, 2, 3, 4, 4, 5]);
  });
});
