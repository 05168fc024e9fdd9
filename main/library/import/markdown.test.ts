import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedDocument } from '../model.ts';
import { documentText } from '../text/blocks.ts';
import { importBytes } from './importFile.ts';
import { importMarkdown } from './markdown.ts';

function doc(source: string, fallbackTitle = 'fallback'): ImportedDocument {
  const result = importMarkdown(source, fallbackTitle);
  if (!result.ok) throw new Error(result.error.reason);
  return result.doc;
}

describe('importMarkdown', () => {
  it('reads title, quoted date, author, tags and source from the front matter', () => {
    const d = doc(
      [
        '---',
        'title: "Pelosi elected Speaker"',
        'date: "2019-01-04"',
        'author: "Wikinews contributors"',
        'tags: ["wikinews", "2019"]',
        'source: "https://en.wikinews.org/wiki/Example"',
        'license: "CC BY 2.5"',
        '---',
        'The House met on Thursday.',
      ].join('\n'),
    );
    expect(d).toMatchObject({
      title: 'Pelosi elected Speaker',
      date: '2019-01-04',
      author: 'Wikinews contributors',
      tags: ['wikinews', '2019'],
      source: 'https://en.wikinews.org/wiki/Example',
      format: 'markdown',
    });
    expect(d.blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'The House met on Thursday.' }] }]);
  });

  it('reads the bundled Wikinews articles with their front matter', () => {
    const dir = new URL('../../../content/wikinews/2019/', import.meta.url);
    const name = readdirSync(dir).find((n) => n.endsWith('.md'))!;
    const result = importBytes(name, readFileSync(new URL(name, dir)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.title).not.toBe(name.replace(/\.md$/u, ''));
    expect(result.doc.date).toMatch(/^2019-\d\d-\d\d$/u);
    expect(result.doc.tags).toContain('wikinews');
    expect(result.doc.source).toMatch(/^https:\/\/en\.wikinews\.org\//u);
  });

  it('reads an unquoted YAML date, which YAML turns into a Date', () => {
    expect(doc('---\ndate: 2020-02-29\n---\nBody.').date).toBe('2020-02-29');
  });

  it('reads comma-separated tags and a list of authors', () => {
    const d = doc('---\ntags: "a, b ,c"\nauthor: [Ada, Grace]\n---\nBody.');
    expect(d.tags).toEqual(['a', 'b', 'c']);
    expect(d.author).toBe('Ada, Grace');
  });

  it('drops a front-matter source that is not an http(s) link', () => {
    expect(doc('---\nsource: "javascript:window.__pwn=1"\n---\nBody.').source).toBeNull();
  });

  it('takes the first heading as title when there is no front matter, and removes it from the body', () => {
    const d = doc('# The Title\n\nFirst paragraph.\n\n## A section');
    expect(d.title).toBe('The Title');
    expect(d.blocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'First paragraph.' }] });
    expect(d.blocks[1]).toMatchObject({ type: 'heading', level: 2 });
  });

  it('keeps a later second-level heading in the body and falls back to the file name', () => {
    const d = doc('Intro paragraph.\n\n## Section', 'my-file');
    expect(d.title).toBe('my-file');
    expect(d.blocks.some((b) => b.type === 'heading')).toBe(true);
  });

  it('prefers the front-matter title over the first heading', () => {
    const d = doc('---\ntitle: From front matter\n---\n# From heading\n\nBody.');
    expect(d.title).toBe('From front matter');
    expect(d.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
  });

  it('does not evaluate ---js front matter and keeps the body', () => {
    const g = globalThis as { __pwn?: number };
    delete g.__pwn;
    const d = doc('---js\n{ title: (globalThis.__pwn = 1, "evaluated") }\n---\nBody survives.', 'safe');
    expect(g.__pwn).toBeUndefined();
    expect(d.title).toBe('safe');
    expect(documentText(d.blocks)).toBe('Body survives.');
  });

  it('does not evaluate javascript, coffee or YAML-function front matter', () => {
    const g = globalThis as { __pwn?: number };
    delete g.__pwn;
    for (const lang of ['javascript', 'coffee', 'cson']) doc(`---${lang}\nglobalThis.__pwn = 1\n---\nBody.`);
    doc("---\ntitle: !!js/function 'function () { globalThis.__pwn = 1 }'\n---\nBody.");
    expect(g.__pwn).toBeUndefined();
  });

  it('keeps the article when the front matter is not valid YAML', () => {
    const d = doc('---\ntitle: [unclosed\n---\nStill here.', 'name');
    expect(d.title).toBe('name');
    expect(documentText(d.blocks)).toBe('Still here.');
  });

  it('reads a pipe table as a table, with its header row and column alignment', () => {
    const d = doc(
      '# Films\n\n| Year | Film | Gross |\n| :--- | :---: | ---: |\n| 1999 | The *Matrix* | 463 |\n| 2003 | Reloaded | 742 |\n',
      'films.md',
    );
    const text = (t: string) => ({ type: 'text', text: t });
    expect(d.blocks).toEqual([
      {
        type: 'table',
        rows: [
          [
            { header: true, children: [text('Year')], align: 'left' },
            { header: true, children: [text('Film')], align: 'center' },
            { header: true, children: [text('Gross')], align: 'right' },
          ],
          [
            { header: false, children: [text('1999')], align: 'left' },
            { header: false, children: [text('The '), { type: 'emphasis', children: [text('Matrix')] }], align: 'center' },
            { header: false, children: [text('463')], align: 'right' },
          ],
          [
            { header: false, children: [text('2003')], align: 'left' },
            { header: false, children: [text('Reloaded')], align: 'center' },
            { header: false, children: [text('742')], align: 'right' },
          ],
        ],
      },
    ]);
  });

  it('turns raw HTML into inert blocks and never keeps it as markup', () => {
    const d = doc(
      'Para <script>window.__pwn=1</script><b onclick="window.__pwn=1">bold</b> <img src=x onerror="window.__pwn=1">\n\n<iframe src="javascript:window.__pwn=1"></iframe>\n\n<div onmouseover="x">div text</div>',
    );
    const json = JSON.stringify(d);
    expect(json).not.toMatch(/<|onclick|onerror|onmouseover|__pwn|iframe/u);
    expect(documentText(d.blocks)).toContain('bold');
    expect(documentText(d.blocks)).toContain('div text');
  });

  it('keeps markup written as code or escaped as literal text', () => {
    const d = doc('Use `<script>` and \\<b> here.\n\n```html\n<img src=x onerror=alert(1)>\n```');
    expect(documentText(d.blocks)).toContain('Use <script> and <b> here.');
    expect(d.blocks[1]).toEqual({ type: 'code', language: 'html', text: '<img src=x onerror=alert(1)>' });
  });

  it('drops javascript:, vbscript: and data: links and images written in markdown', () => {
    const d = doc(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](Javas&#99;ript:alert(1&#41;) [d](vbscript:x) [e](data:text/html,x) ![i](javascript:alert(1)) <javascript:alert(1)>',
    );
    const hrefs = JSON.stringify(d).match(/"(?:href|src)":"[^"]*"/gu) ?? [];
    for (const h of hrefs) expect(h).not.toMatch(/script|data:/iu);
  });

  it('keeps http, mailto and relative links and images', () => {
    const d = doc('[w](https://example.org/a) [m](mailto:a@example.org) [r](../other.md#x)\n\n![alt text](images/p.png)');
    expect(d.blocks[0]).toMatchObject({
      children: [
        { type: 'link', href: 'https://example.org/a' },
        { type: 'text', text: ' ' },
        { type: 'link', href: 'mailto:a@example.org' },
        { type: 'text', text: ' ' },
        { type: 'link', href: '../other.md#x' },
      ],
    });
    expect(d.blocks[1]).toEqual({ type: 'figure', src: 'images/p.png', alt: 'alt text', caption: [] });
  });

  it('does not let a hostile fenced-code language through', () => {
    const d = doc('```"><img src=x onerror=window.__pwn=1>\ncode\n```');
    expect(d.blocks).toEqual([{ type: 'code', language: null, text: 'code' }]);
  });

  it('reads lists, quotes, rules and emphasis', () => {
    const d = doc('- one\n- *two*\n\n1. first\n\n> quoted **text**\n\n---\n\nEnd.');
    expect(d.blocks.map((b) => b.type)).toEqual(['list', 'list', 'quote', 'rule', 'paragraph']);
    expect(d.blocks[0]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', text: 'one' }], [{ type: 'emphasis', children: [{ type: 'text', text: 'two' }] }]],
    });
  });
  it('imports 200,000 images in one file without overflowing the stack', () => {
    const d = doc(`# Gallery\n\n${'![a](b.png)'.repeat(200_000)}\n\nAfter the images.`);
    expect(d.blocks.filter((b) => b.type === 'figure')).toHaveLength(200_000);
    expect(documentText(d.blocks)).toContain('After the images.');
  });

  it('keeps text nested deeper than markdown-it nests quotes and lists, and every line after it', () => {
    for (const marker of ['> ', '- ', '1. ', '> - ']) {
      const text = documentText(doc(`intro\n\n${marker.repeat(300)}deep text\n\nafter`).blocks);
      expect.soft(text, marker).toMatch(/deep text\n\nafter$/u);
    }
  });

  it('keeps text after a stray </body> or </html> and after unclosed raw svg or form', () => {
    const text = documentText(
      doc('one\n\n</body>\n\nafter body\n\n</html>\n\nafter html\n\n<svg>\n\nafter svg\n\n<form>\n\nin form').blocks,
    );
    expect(text).toBe('one\n\nafter body\n\nafter html\n\nafter svg\n\nin form');
  });

  it('reads 80,000 unclosed autolinks as literal text', () => {
    const text = documentText(doc(`${'<http://'.repeat(80_000)}\n\nAfter the links.`).blocks);
    expect(text.startsWith('<http://<http://')).toBe(true);
    expect(text).toContain('After the links.');
  });
});
