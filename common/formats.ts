/**
 * The formats an article can come from, as the index stores them, and how the library names each.
 * Pure values, so the renderer can list them (the Format filter) without importing main.
 */
export const ARTICLE_FORMATS = ['txt', 'markdown', 'html', 'epub'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

const LABELS: Record<ArticleFormat, string> = { txt: 'Text', markdown: 'Markdown', html: 'HTML', epub: 'EPUB' };

/** The short label a library row shows; an unknown format (a newer index) is shown as stored. */
export function formatLabel(format: string): string {
  return (LABELS as Record<string, string>)[format] ?? format.toUpperCase();
}
