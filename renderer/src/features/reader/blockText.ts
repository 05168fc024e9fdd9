import type { Block, Inline } from '../../../../preload/contract';

/** The plain text of inline runs: text and code as they are, a break as '\n'. */
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

/** What a figure shows as its text: the caption, or the alt text when there is no caption. */
export function figureTextRuns(block: Extract<Block, { type: 'figure' }>): Inline[] {
  if (inlineText(block.caption) !== '') return block.caption;
  return block.alt === '' ? [] : [{ type: 'text', text: block.alt }];
}

/**
 * The plain text of one block, exactly as main computes it: hit and highlight offsets (UTF-16)
 * point into this string, and the rendered block must produce the same text.
 */
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
    case 'figure':
      return inlineText(figureTextRuns(block));
    case 'rule':
      return '';
    default:
      return block satisfies never;
  }
}
