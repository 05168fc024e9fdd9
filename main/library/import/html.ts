import type { ImportResult } from '../model.ts';
import { normalizeDate } from './dates.ts';
import { blocksFromDom, safeHref } from './domBlocks.ts';
import {
  attrOf,
  childrenOf,
  isElement,
  isText,
  parseHtmlDocument,
  parseHtmlFragment,
  tagOf,
  textOf,
  type HtmlDocument,
  type HtmlElement,
  type HtmlNode,
} from './htmlTree.ts';
import { readArticle } from './readable.ts';
import { inlineImageKeys } from './inlineImages.ts';
import { savedBySingleFile, type SingleFileFacts } from './singleFile.ts';

/** Readability's time grows with the cube of nesting depth (400 levels: 5 s; 5,000: ten minutes), and real pages stay far below this. */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 60_000;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** What the importer reads from the page besides its content, gathered in one walk over the tree. */
interface PageFacts {
  html: HtmlElement | null;
  body: HtmlElement | null;
  metas: HtmlElement[];
  title: HtmlElement | null;
  time: HtmlElement | null;
  canonical: HtmlElement | null;
  h1: HtmlElement | null;
  /** The longest paragraph's text, white space squashed. */
  longestParagraph: string;
  isTameForReadability: boolean;
  /** What SingleFile's comment at the top of the page says, when it saved the page. */
  singleFile: SingleFileFacts | null;
}

export interface HtmlOptions {
  /**
   * What an image's src becomes before the page is read: a saved page's importer points pictures stored
   * beside the page (in its archive) at them here. Null leaves the src as written.
   */
  imageSrc?: (src: string) => string | null;
}

/**
 * One iterative walk: the elements metadata comes from, whether the tree is small and shallow enough for
 * Readability to finish in good time, and the longest paragraph (by its text's length, counted once for all the
 * paragraphs a text node is in, so nested paragraphs cost no more than flat ones).
 */
function pageFacts(doc: HtmlDocument, options: HtmlOptions): PageFacts {
  const facts: PageFacts = {
    html: null,
    body: null,
    metas: [],
    title: null,
    time: null,
    canonical: null,
    h1: null,
    longestParagraph: '',
    isTameForReadability: true,
    singleFile: null,
  };
  let length = 0;
  let longest: { p: HtmlElement | null; length: number } = { p: null, length: 0 };
  let count = 0;
  const opened: number[] = [];
  type Step = { node: HtmlNode; depth: number } | { closes: HtmlElement };
  const stack: Step[] = childrenOf(doc)
    .map((node) => ({ node, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('closes' in step) {
      const start = opened.pop()!;
      if (length - start > longest.length) longest = { p: step.closes, length: length - start };
      continue;
    }
    const { node, depth } = step;
    if (isText(node)) {
      length += node.value.length;
      continue;
    }
    if (isComment(node)) {
      // SingleFile puts its comment first in <html>; one further down is the page's own text.
      if (depth <= 1 && !facts.singleFile) facts.singleFile = savedBySingleFile(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    if (depth > READABILITY_MAX_DEPTH || ++count > READABILITY_MAX_ELEMENTS) facts.isTameForReadability = false;
    const name = tagOf(node);
    const isHtml = node.namespaceURI === HTML_NS;
    if (isHtml) {
      if (name === 'HTML' && depth === 0) facts.html = node;
      else if (name === 'BODY' && node.parentNode === facts.html) facts.body = node;
      else if (name === 'META') facts.metas.push(node);
      else if (name === 'TITLE') facts.title ??= node;
      else if (name === 'TIME' && attrOf(node, 'datetime') !== null) facts.time ??= node;
      else if (name === 'LINK' && attrOf(node, 'rel') === 'canonical') facts.canonical ??= node;
      else if (name === 'H1') facts.h1 ??= node;
      else if (name === 'IMG' && options.imageSrc) rewriteSrc(node, options.imageSrc);
      else if (name === 'P') {
        opened.push(length);
        stack.push({ closes: node });
      }
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
  if (longest.p) facts.longestParagraph = squash(textOf(longest.p));
  return facts;
}

function isComment(node: HtmlNode): node is HtmlNode & { data: string } {
  return node.nodeName === '#comment';
}

function rewriteSrc(img: HtmlElement, imageSrc: (src: string) => string | null): void {
  const attr = img.attrs.find((a) => a.name === 'src' && !a.prefix);
  const next = attr ? imageSrc(attr.value) : null;
  if (attr && next !== null) attr.value = next;
}

function meta(facts: PageFacts, ...names: string[]): string | null {
  for (const name of names) {
    const el = facts.metas.find((m) => attrOf(m, 'name') === name || attrOf(m, 'property') === name || attrOf(m, 'itemprop') === name);
    const content = el && attrOf(el, 'content')?.trim();
    if (content) return content;
  }
  return null;
}

/** HTML: the main article (Readability), with title, byline, date, language and direction from the page. */
export function importHtml(source: string, fallbackTitle: string, options: HtmlOptions = {}): ImportResult {
  const document = parseHtmlDocument(source);
  const imageSrc = options.imageSrc ?? inlineImageKeys(source) ?? undefined;
  const facts = pageFacts(document, { ...options, imageSrc });
  const html = facts.html;
  const language = (html && attrOf(html, 'lang')?.trim()) || meta(facts, 'og:locale', 'language') || null;
  const dirAttr = ((html && attrOf(html, 'dir')) ?? (facts.body && attrOf(facts.body, 'dir')) ?? '').toLowerCase();
  const date =
    normalizeDate(meta(facts, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate')) ??
    normalizeDate(facts.time && attrOf(facts.time, 'datetime'));
  const metaAuthor = meta(facts, 'author', 'article:author', 'dc.creator');
  const metaTitle = meta(facts, 'og:title', 'twitter:title') ?? (facts.title ? textOf(facts.title).trim() : null);
  // The address SingleFile saved the page from is the one the reader knows it by, before the page's own claims.
  const source_ = safeHref(facts.singleFile?.url ?? meta(facts, 'og:url') ?? (facts.canonical && attrOf(facts.canonical, 'href')));

  const article = facts.isTameForReadability ? readArticle(document) : null;
  // Broken or hostile markup can make Readability pick a stray fragment and drop the article; the whole body
  // with some boilerplate beats losing the text.
  const longest = facts.longestParagraph;
  const isFaithful = longest.length < 80 || squash(article?.textContent ?? '').includes(longest);
  const content = article?.content && isFaithful ? article.content : null;
  const contentRoot = content ? parseHtmlFragment(content) : facts.body;
  const blocks = contentRoot ? blocksFromDom(contentRoot) : [];
  const h1 = (facts.h1 && textOf(facts.h1).trim()) || null;
  const title = (article?.title?.trim() || metaTitle || h1 || fallbackTitle).replace(/\s+/gu, ' ');
  const byline = article?.byline?.trim().replace(/^by\s+/iu, '') || null;
  return {
    ok: true,
    doc: {
      title,
      author: metaAuthor ?? byline,
      date: date ?? normalizeDate(article?.publishedTime ?? null) ?? facts.singleFile?.savedDate ?? null,
      source: source_,
      language: language?.slice(0, 35) ?? null,
      dir: dirAttr === 'rtl' ? 'rtl' : dirAttr === 'ltr' ? 'ltr' : null,
      tags: [],
      format: 'html',
      blocks,
    },
  };
}
