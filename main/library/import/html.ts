import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ImportResult } from '../model.ts';
import { normalizeDate } from './dates.ts';
import { blocksFromDom, safeHref } from './domBlocks.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type Node_ = Doc['childNodes'][number];

const HEAD_ONLY = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE']);
/** Readability's time grows with the cube of nesting depth (400 levels: 5 s; 5,000: ten minutes), and real pages stay far below this. */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 60_000;

/**
 * linkedom builds <head> and <body> only from markup that spells out `<html>…<body>`: a fragment, or a page
 * that leaves out the optional <body> tag, would come out with an empty body, and plain text throws.
 * Such sources are put back together as a whole document.
 */
function parseDocument(source: string): Doc {
  const parsed = parseHTML(source).document;
  if (parsed.documentElement?.nodeName === 'HTML' && parsed.querySelector('html > body')) return parsed;
  const head: string[] = [];
  const body: string[] = [];
  const attrs: { name: string; value: string; on: 'html' | 'body' }[] = [];
  const visit = (nodes: ArrayLike<Node_>): void => {
    for (const node of Array.from(nodes)) {
      const name = node.nodeName.toUpperCase();
      if (node.nodeType === 10) continue;
      if (node.nodeType === 1 && (name === 'HTML' || name === 'BODY' || name === 'HEAD')) {
        const el = node as unknown as { attributes: ArrayLike<{ name: string; value: string }> };
        if (name !== 'HEAD')
          for (const a of Array.from(el.attributes)) attrs.push({ name: a.name, value: a.value, on: name === 'HTML' ? 'html' : 'body' });
        if (name === 'HEAD') head.push(...Array.from(node.childNodes).map(String));
        else visit(node.childNodes);
        continue;
      }
      (node.nodeType === 1 && HEAD_ONLY.has(name) ? head : body).push(String(node));
    }
  };
  visit(parsed.childNodes);
  const doc = parseHTML(`<!doctype html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`).document;
  for (const a of attrs) (a.on === 'html' ? doc.documentElement : doc.body)?.setAttribute(a.name, a.value);
  return doc;
}

/** Whether the tree is small and shallow enough for Readability to finish in good time. */
function isTameForReadability(doc: Doc): boolean {
  const stack: { el: Doc['documentElement']; depth: number }[] = doc.documentElement ? [{ el: doc.documentElement, depth: 0 }] : [];
  let count = 0;
  while (stack.length > 0) {
    const { el, depth } = stack.pop()!;
    if (depth > READABILITY_MAX_DEPTH || ++count > READABILITY_MAX_ELEMENTS) return false;
    for (const child of Array.from(el.children)) stack.push({ el: child as Doc['documentElement'], depth: depth + 1 });
  }
  return true;
}

function meta(doc: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Whether Readability's pick holds the page's longest paragraph. Broken or hostile markup can make it pick
 * a stray fragment and drop the article; the whole body with some boilerplate beats losing the text.
 */
function keepsLongestParagraph(doc: Doc, picked: string): boolean {
  let longest = '';
  for (const p of Array.from(doc.querySelectorAll('p')) as { textContent: string | null }[]) {
    const text = squash(p.textContent ?? '');
    if (text.length > longest.length) longest = text;
  }
  return longest.length < 80 || squash(picked).includes(longest);
}

/** HTML: the main article (Readability), with title, byline, date, language and direction from the page. */
export function importHtml(source: string, fallbackTitle: string): ImportResult {
  const document = parseDocument(source);
  const html = document.documentElement;
  const language = html?.getAttribute('lang')?.trim() || meta(document, 'og:locale', 'language') || null;
  const dirAttr = (html?.getAttribute('dir') ?? document.body?.getAttribute('dir') ?? '').toLowerCase();
  const date =
    normalizeDate(meta(document, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate')) ??
    normalizeDate(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
  const metaAuthor = meta(document, 'author', 'article:author', 'dc.creator');
  const metaTitle = meta(document, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim() ?? null;
  const source_ = safeHref(meta(document, 'og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href'));

  // Readability mutates the document it is given, so the fallback parses afresh.
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    if (isTameForReadability(document))
      article = new Readability(parseDocument(source) as never, { charThreshold: 200, keepClasses: true }).parse();
  } catch {
    article = null;
  }
  const content = article?.content && keepsLongestParagraph(document, article.textContent ?? '') ? article.content : null;
  const contentRoot = content ? parseHTML(`<!doctype html><html><body>${content}</body></html>`).document.body : document.body;
  const blocks = contentRoot ? blocksFromDom(contentRoot as never) : [];
  const h1 = document.querySelector('h1')?.textContent?.trim() || null;
  const title = (article?.title?.trim() || metaTitle || h1 || fallbackTitle).replace(/\s+/gu, ' ');
  const byline = article?.byline?.trim().replace(/^by\s+/iu, '') || null;
  return {
    ok: true,
    doc: {
      title,
      author: metaAuthor ?? byline,
      date: date ?? normalizeDate(article?.publishedTime ?? null),
      source: source_,
      language: language?.slice(0, 35) ?? null,
      dir: dirAttr === 'rtl' ? 'rtl' : dirAttr === 'ltr' ? 'ltr' : null,
      tags: [],
      format: 'html',
      blocks,
    },
  };
}
