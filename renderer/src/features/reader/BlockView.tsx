import { memo } from 'react';
import type { Block } from '../../../../common/contract';
import type { BlockDecorations } from './decorate';
import { isDesktop } from '../../api';
import { FigureBlock } from './FigureBlock';
import { TableBlock } from './TableBlock';
import { assetUrl, type LinkKind } from './links';
import { renderRuns, renderText, type InlineContext } from './renderInline';

interface Props {
  block: Block;
  index: number;
  articleId: string;
  /** Serve mode's image URLs by src (see Article.assets). */
  assets: Record<string, string> | undefined;
  deco: BlockDecorations;
  /** The current hit's term when it is in this block, else -1 (so other blocks skip re-rendering). */
  currentTerm: number;
  headingId: string;
  onLink: (href: string, kind: LinkKind) => void;
  hyphenate: ((text: string) => string) | null;
}

/** The blocks set justified (ArticleView.css), so the ones that get soft hyphens. */
const JUSTIFIED: ReadonlySet<Block['type']> = new Set(['paragraph', 'quote', 'list']);

/** One block as React elements, with data-block so selections and positions map back to it. */
export const BlockView = memo(function BlockView({
  block,
  index,
  articleId,
  assets,
  deco,
  currentTerm,
  headingId,
  onLink,
  hyphenate,
}: Props) {
  const ctx: InlineContext = { deco, currentTerm, onLink, hyphenate: JUSTIFIED.has(block.type) ? hyphenate : null };
  const cursor = { at: 0 };
  switch (block.type) {
    case 'paragraph':
      return <p data-block={index}>{renderRuns(block.children, cursor, ctx)}</p>;
    case 'heading': {
      // The article title is the only h1; an h1 inside the text is one of its sections.
      const Tag = `h${Math.max(2, block.level)}` as 'h2';
      return (
        <Tag data-block={index} id={headingId} tabIndex={-1}>
          {renderRuns(block.children, cursor, ctx)}
        </Tag>
      );
    }
    case 'quote':
      return <blockquote data-block={index}>{renderRuns(block.children, cursor, ctx)}</blockquote>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List data-block={index}>
          {block.items.map((item, k) => {
            if (k > 0) cursor.at += 1;
            return <li key={k}>{renderRuns(item, cursor, ctx, `i${k}`)}</li>;
          })}
        </List>
      );
    }
    case 'code':
      return (
        <pre data-block={index} className="code-block" data-language={block.language ?? undefined}>
          <code>{renderText(block.text, cursor, ctx, 'c')}</code>
        </pre>
      );
    case 'figure':
      return <FigureBlock block={block} index={index} src={imageSrc(articleId, assets, block.src)} ctx={ctx} />;
    case 'table':
      return <TableBlock block={block} index={index} ctx={ctx} />;
    case 'rule':
      return <hr data-block={index} />;
    default:
      return block satisfies never;
  }
});

/** Where a local image loads from: the app's protocol on the desktop, the server's capability URL in serve mode (none: not found). */
function imageSrc(articleId: string, assets: Record<string, string> | undefined, src: string): string | null {
  return isDesktop ? assetUrl(articleId, src) : (assets?.[src] ?? null);
}
