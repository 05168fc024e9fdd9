import { Fragment, type ReactNode } from 'react';
import type { Inline } from '../../../../common/contract';
import { splitRange, type BlockDecorations } from './decorate';
import { ArticleLink } from './ArticleLink';
import type { LinkKind } from './links';

export interface InlineContext {
  deco: BlockDecorations;
  /** The hit being shown; its marks get the "current" style. */
  currentTerm: number;
  onLink: (href: string, kind: LinkKind) => void;
  /** Puts soft hyphens into justified text (useHyphenation); the leaves' offsets still count the plain text. */
  hyphenate?: ((text: string) => string) | null;
}

/** A running offset into the block's plain text while its runs are rendered in order. */
export interface Cursor {
  at: number;
}

/**
 * Renders a piece of text as leaves carrying their offset (data-o). Query and find hits become
 * <mark data-hit>; highlights wrap them in <span class="highlight">. Never HTML: only text nodes.
 */
export function renderText(text: string, cursor: Cursor, ctx: InlineContext, key: string): ReactNode[] {
  const start = cursor.at;
  cursor.at += text.length;
  return splitRange(start, cursor.at, ctx.deco).map((p) => {
    const plain = text.slice(p.start - start, p.end - start);
    const t = ctx.hyphenate ? ctx.hyphenate(plain) : plain;
    let node: ReactNode =
      p.hit === null ? (
        <span data-o={p.start}>{t}</span>
      ) : (
        <mark data-o={p.start} data-hit={p.hit} className={p.hit === ctx.currentTerm ? 'hit is-current' : 'hit'}>
          {t}
        </mark>
      );
    if (p.highlight !== null) {
      node = (
        <span className="highlight" data-hid={p.highlight}>
          {node}
        </span>
      );
    }
    return <Fragment key={`${key}@${p.start}`}>{node}</Fragment>;
  });
}

/** Renders inline runs as React elements, advancing the cursor exactly as blockText counts. */
export function renderRuns(runs: readonly Inline[], cursor: Cursor, ctx: InlineContext, key = 'r'): ReactNode[] {
  return runs.map((run, i) => {
    const k = `${key}.${i}`;
    switch (run.type) {
      case 'text':
        return <Fragment key={k}>{renderText(run.text, cursor, ctx, k)}</Fragment>;
      case 'code':
        return <code key={k}>{renderText(run.text, cursor, ctx, k)}</code>;
      case 'break': {
        const o = cursor.at;
        cursor.at += 1;
        return <br key={k} data-o={o} />;
      }
      case 'emphasis':
        return <em key={k}>{renderRuns(run.children, cursor, ctx, k)}</em>;
      case 'strong':
        return <strong key={k}>{renderRuns(run.children, cursor, ctx, k)}</strong>;
      case 'link':
        return (
          <ArticleLink key={k} href={run.href} onLink={ctx.onLink}>
            {renderRuns(run.children, cursor, ctx, k)}
          </ArticleLink>
        );
      default:
        return run satisfies never;
    }
  });
}
