import type { Block, Inline } from '../model.ts';

export function inlineText(runs: readonly Inline[]): string {
  let out = '';
  for (const run of runs) {
    switch (run.type) {
      case 'text':
      case 'code':
        out += run.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
      case 'link':
        out += inlineText(run.children);
        break;
      default:
        run satisfies never;
    }
  }
  return out;
}

/** The plain text of one block; hit offsets from search point into this string. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return inlineText(block.children);
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'code':
      return block.text;
    case 'figure': {
      const caption = inlineText(block.caption);
      return caption || block.alt;
    }
    case 'rule':
      return '';
    default:
      return block satisfies never;
  }
}

export function documentText(blocks: readonly Block[]): string {
  return blocks
    .map(blockText)
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

/** Blocks that are nothing but plain paragraphs can be stored as their text alone. */
export function isPlainParagraphs(blocks: readonly Block[]): boolean {
  return blocks.every((b) => {
    if (b.type !== 'paragraph' || b.children.length !== 1) return false;
    const run = b.children[0]!;
    return run.type === 'text' && run.text !== '' && !run.text.includes('\n\n') && run.text.trim() === run.text;
  });
}

export function paragraphsFromText(text: string): Block[] {
  if (text === '') return [];
  return text.split('\n\n').map((t) => ({ type: 'paragraph', children: [{ type: 'text', text: t }] }));
}
