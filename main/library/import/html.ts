import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ImportResult } from '../model.ts';
import { normalizeDate } from './dates.ts';
import { blocksFromDom, safeHref } from './domBlocks.ts';

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** HTML: the main article (Readability), with title, byline, date, language and direction from the page. */
export function importHtml(source: string, fallbackTitle: string): ImportResult {
  const { document } = parseHTML(source);
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
    article = new Readability(parseHTML(source).document as never, { charThreshold: 200, keepClasses: true }).parse();
  } catch {
    article = null;
  }
  const contentRoot = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
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
