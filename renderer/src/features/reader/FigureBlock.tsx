import { useState } from 'react';
import type { Block } from '../../../../common/contract';
import { Icon } from '../../components/Icon';
import { figureTextRuns, inlineText } from '../../../../common/blocks';
import { isRemoteSrc, sourceLabel } from './links';
import { renderRuns, type InlineContext } from './renderInline';

interface Props {
  block: Extract<Block, { type: 'figure' }>;
  index: number;
  /** The local image's URL, or null where there is none to load. */
  src: string | null;
  ctx: InlineContext;
}

/**
 * An image with its caption. Remote images are never fetched (that would tell a server what you
 * read): a placeholder names the host and shows the alt text. Local images come through the app's
 * asset route. Without a caption, the alt text is the figure's text and is shown as its caption.
 */
export function FigureBlock({ block, index, src, ctx }: Props) {
  const [isBroken, setBroken] = useState(false);
  const hasCaption = inlineText(block.caption) !== '';
  const runs = figureTextRuns(block);
  const isRemote = isRemoteSrc(block.src);
  const caption = runs.length > 0 ? <figcaption>{renderRuns(runs, { at: 0 }, ctx)}</figcaption> : null;

  if (isRemote || isBroken || src === null) {
    return (
      <figure data-block={index} className="figure is-placeholder">
        <div className="figure-placeholder">
          <Icon name="image" size={22} />
          <span className="figure-placeholder-label">
            {isRemote ? `Image from ${sourceLabel(block.src)} not downloaded` : 'Image not found'}
          </span>
          {hasCaption ? (
            block.alt ? (
              <span className="figure-placeholder-alt">{block.alt}</span>
            ) : null
          ) : runs.length > 0 ? (
            <span className="figure-placeholder-alt">{renderRuns(runs, { at: 0 }, ctx)}</span>
          ) : null}
        </div>
        {hasCaption ? caption : null}
      </figure>
    );
  }
  return (
    <figure data-block={index} className="figure">
      <img src={src} alt={hasCaption ? block.alt : ''} loading="lazy" decoding="async" onError={() => setBroken(true)} />
      {caption}
    </figure>
  );
}
