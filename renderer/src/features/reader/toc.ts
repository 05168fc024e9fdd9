import type { Article } from '../../../../common/contract';
import { inlineText } from '../../../../common/blocks';

/** A heading in the article, for the table of contents. */
export interface TocEntry {
  block: number;
  level: number;
  text: string;
}

export function tocEntries(article: Article): TocEntry[] {
  const out: TocEntry[] = [];
  article.blocks.forEach((b, block) => {
    // A heading of two lines ("CHAPTER I." over its title) is one line in the list.
    if (b.type === 'heading') out.push({ block, level: b.level, text: inlineText(b.children).replace(/\s+/gu, ' ').trim() });
  });
  return out;
}
