/**
 * Builds content/ — the articles that ship with Offprint — from ../shared:
 * the original seed article unchanged, and the English Wikinews articles of 2019–2020 as Markdown.
 * Run: npm run content
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const content = join(root, 'content');

interface Row {
  url: string;
  date: string;
  title: string;
  text: string;
}

/** Escapes what Markdown would otherwise read as syntax, so the text imports exactly as written. */
function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/([\\`*_[\]<>|~])/gu, '\\$1')
    .replace(/^(\s*)([#+-]|\d+[.)])(\s)/u, '$1\\$2$3')
    .replace(/^(\s*)(=+|-{3,})\s*$/u, '$1\\$2');
}

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
  return s.slice(0, 80).replace(/-$/u, '') || 'article';
}

const DATELINE = /^\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s+\w+\s+\d{1,2},\s+\d{4}[\s\u00a0]*/iu;

function toMarkdown(row: Row): string {
  const paragraphs = row.text
    .replace(DATELINE, '')
    .split(/\n\s*\n/u)
    .map((p) =>
      p
        .replace(/\u00a0/gu, ' ')
        .replace(/[ \t]+\n/gu, '\n')
        .replace(/\s+/gu, ' ')
        .trim(),
    )
    .filter((p) => p !== '');
  const front = [
    '---',
    `title: ${JSON.stringify(row.title)}`,
    `date: "${row.date}"`,
    'author: "Wikinews contributors"',
    `tags: ["wikinews", "${row.date.slice(0, 4)}"]`,
    `source: ${JSON.stringify(row.url)}`,
    'license: "CC BY 2.5"',
    '---',
    '',
  ];
  return `${front.join('\n')}${paragraphs.map(escapeMarkdown).join('\n\n')}\n`;
}

function main(): void {
  rmSync(join(content, 'wikinews'), { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  copyFileSync(join(shared, 'seeds', '000_4f740f377fd89885.txt'), join(content, '000_4f740f377fd89885.txt'));
  let count = 0;
  const used = new Set<string>();
  for (const year of ['2019', '2020']) {
    const rows = parse(readFileSync(join(shared, 'corpus', 'wikinews', `wikinews_${year}.csv`)), { columns: true }) as Row[];
    for (const row of rows) {
      if (row.title.startsWith('TEST PAGE:')) continue;
      let name = `${row.date}-${slug(row.title)}`;
      while (used.has(name)) name += '-2';
      used.add(name);
      const dir = join(content, 'wikinews', row.date.slice(0, 4));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.md`), toMarkdown(row));
      count++;
    }
  }
  process.stderr.write(`content/: 1 seed article and ${count} Wikinews articles\n`);
}

main();
