/**
 * The formats an article can come from, as the index stores them, and how the library names each.
 * Pure values, so the renderer can list them (the Format filter) without importing main. A format added
 * to the importers (main/library/model.ts Format) must be added here too: db/library.ts fails to compile
 * until it is. main/library/import/formats.ts decides what a file is; these lists only offer and name.
 */
export const ARTICLE_FORMATS = ['txt', 'markdown', 'html', 'epub', 'mhtml', 'pdf'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** The file name endings of each format, for the file pickers and the messages that list what Offprint reads. */
export const FORMAT_EXTENSIONS: Record<ArticleFormat, readonly string[]> = {
  txt: ['.txt', '.text'],
  markdown: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  epub: ['.epub'],
  mhtml: ['.mhtml', '.mht'],
  pdf: ['.pdf'],
};

export const READABLE_EXTENSIONS: readonly string[] = ARTICLE_FORMATS.flatMap((f) => FORMAT_EXTENSIONS[f]);

const LABELS: Record<ArticleFormat, string> = { txt: 'Text', markdown: 'Markdown', html: 'HTML', epub: 'EPUB', mhtml: 'MHTML', pdf: 'PDF' };

/** The short label a library row shows; an unknown format (a newer index) is shown as stored. */
export function formatLabel(format: string): string {
  return (LABELS as Record<string, string>)[format] ?? format.toUpperCase();
}
