import { blockText, type Block } from '../../../common/blocks.ts';

export function documentText(blocks: readonly Block[]): string {
  return blocks
    .map(blockText)
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

/** The page (BlockPlace) of the block that holds offset `at` of documentText(blocks); null in an unpaged article. */
export function pageAt(blocks: readonly Block[], at: number): number | null {
  let start = 0;
  for (const block of blocks) {
    const text = blockText(block);
    if (text.trim() === '') continue;
    if (at < start + text.length + 2) return block.page ?? null;
    start += text.length + 2;
  }
  return null;
}

/** Blocks that are nothing but plain paragraphs can be stored as their text alone. */
export function isPlainParagraphs(blocks: readonly Block[]): boolean {
  return blocks.every((b) => {
    if (b.type !== 'paragraph' || b.children.length !== 1 || b.page !== undefined) return false;
    const run = b.children[0]!;
    return run.type === 'text' && run.text !== '' && !run.text.includes('\n\n') && run.text.trim() === run.text;
  });
}

export function paragraphsFromText(text: string): Block[] {
  if (text === '') return [];
  return text.split('\n\n').map((t) => ({ type: 'paragraph', children: [{ type: 'text', text: t }] }));
}
