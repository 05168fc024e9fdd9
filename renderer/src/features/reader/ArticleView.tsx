import { Fragment, type CSSProperties, type Ref } from 'react';
import type { Article, Settings } from '../../../../common/contract';
import { formatDate, readingTime } from '../../app/format';
import { ArticleLink } from './ArticleLink';
import { ArticleLocations } from './ArticleLocations';
import { BlockView } from './BlockView';
import { NO_DECORATIONS, type BlockDecorations } from './decorate';
import { classifyHref, sourceText, type LinkKind } from './links';
import { SHY, withoutSoftHyphens } from './softHyphens';
import type { BlockRange } from './useProgressiveBlocks';
import './ArticleView.css';

interface Props {
  ref: Ref<HTMLElement>;
  article: Article;
  /** The blocks rendered so far; all of them once `isComplete`. */
  shown: BlockRange;
  decorations: ReadonlyMap<number, BlockDecorations>;
  currentTerm: number;
  settings: Settings;
  titleId: string;
  headingId: (block: number) => string;
  onLink: (href: string, kind: LinkKind) => void;
  /** Soft hyphens for justified text, once their patterns are loaded (useHyphenation). */
  hyphenate: ((text: string) => string) | null;
}

/** The article: the page's only role=article, in its own language and direction, at a readable measure. */
export function ArticleView({ ref, article, shown, decorations, currentTerm, settings, titleId, headingId, onLink, hyphenate }: Props) {
  const style = {
    '--reader-font-size': `${settings.fontSize}px`,
    '--reader-line-height': String(settings.lineHeight),
    '--reader-measure': `${settings.lineWidth}ch`,
  } as CSSProperties;
  const date = formatDate(article.date, article.language ?? undefined);
  const source = article.source;
  const sourceShown = source ? sourceText(source) : null;
  return (
    <article
      ref={ref}
      className="article"
      lang={article.language ?? undefined}
      dir={article.dir ?? undefined}
      tabIndex={0}
      aria-labelledby={titleId}
      data-font={settings.fontFamily}
      data-justify={settings.justify}
      data-hyphenated={hyphenate !== null}
      // Soft hyphens are for the layout only: what is copied is the article's own text.
      onCopy={(e) => {
        const text = document.getSelection()?.toString() ?? '';
        if (!text.includes(SHY)) return;
        e.preventDefault();
        e.clipboardData.setData('text/plain', withoutSoftHyphens(text));
      }}
      data-complete={shown.isComplete}
      aria-busy={!shown.isComplete}
      style={style}
    >
      <header className="article-header">
        <h1 id={titleId} className="article-title">
          {article.title}
        </h1>
        <p className="article-byline">
          {article.author ? <span className="byline-item byline-author">{article.author}</span> : null}
          {date ? (
            <span className="byline-item">
              <time dateTime={article.date ?? undefined}>{date}</time>
            </span>
          ) : null}
          {/* App text in the article's byline: English, left to right, whatever the article's language. The item
              itself keeps the article's direction, so its separator falls between it and the one before. */}
          <span className="byline-item">
            <span lang="en" dir="ltr">
              {readingTime(article.wordCount)}
            </span>
          </span>
          {source && sourceShown ? (
            <span className="byline-item byline-source">
              {/* Only a URL is a link; a book's identifier (ISBN, URN) is text. */}
              {classifyHref(source) === 'external' ? (
                <ArticleLink href={source} onLink={onLink}>
                  {sourceShown}
                </ArticleLink>
              ) : (
                sourceShown
              )}
            </span>
          ) : null}
        </p>
        <ArticleLocations locations={article.locations} />
      </header>
      <div className="article-body">
        {article.blocks.slice(shown.start, shown.end).map((block, j) => {
          const i = shown.start + j;
          const deco = decorations.get(i) ?? NO_DECORATIONS;
          const current = currentTerm >= 0 && deco.hits.some((h) => h.term === currentTerm) ? currentTerm : -1;
          // A paged source (a PDF): a quiet marker where a new page starts, outside the block's text.
          const page = block.page !== undefined && block.page !== article.blocks[i - 1]?.page ? block.page : null;
          return (
            <Fragment key={i}>
              {page === null ? null : (
                <div className="page-marker" data-page={page} lang="en" dir="ltr">
                  p. {page}
                </div>
              )}
              <BlockView
                block={block}
                index={i}
                articleId={article.id}
                assets={article.assets}
                deco={deco}
                currentTerm={current}
                headingId={headingId(i)}
                onLink={onLink}
                hyphenate={hyphenate}
              />
            </Fragment>
          );
        })}
      </div>
    </article>
  );
}
