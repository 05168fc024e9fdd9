import { useEffect, useState } from 'react';
import type { Article, Block, ReadingPosition } from '../../../../common/contract';
import { api } from '../../api';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'error'; message: string; isMissing: boolean }
  | {
      status: 'ready';
      /** Its `blocks` are all of them, by index; until `loaded` is null only those in `loaded` are real. */
      article: Article;
      position: ReadingPosition | null;
      loaded: { start: number; end: number } | null;
    };

/** Stands in for a block not received yet: never rendered (useProgressiveBlocks stays inside `loaded`). */
const NOT_YET: Block = { type: 'paragraph', children: [] };

/**
 * Loads an article (with the hits of the query that opened it) and its saved reading position together.
 * A long article comes in two parts: the blocks it opens at, then the rest (article.get's window), so
 * its first paint waits for neither the rest's transfer nor its parsing.
 */
export function useArticle(id: string, query: string | null, exact = false): ArticleState {
  const [state, setState] = useState<ArticleState>({ status: 'loading' });
  useEffect(() => {
    let isLive = true;
    const opening = api['article.get']({ id, window: true, ...(query ? { query, exact } : {}) });
    void Promise.all([opening, api['position.get']({ id })]).then(async ([a, p]) => {
      if (!isLive) return;
      if (!a.ok) return setState({ status: 'error', message: a.error.message, isMissing: a.error.code === 'not-found' });
      const part = a.value;
      const position = p.ok ? p.value : null;
      if (part.firstBlock === 0 && part.blocks.length === part.blockCount) {
        return setState({ status: 'ready', article: part, position, loaded: null });
      }
      const blocks = Array.from({ length: part.blockCount }, (_, i) => part.blocks[i - part.firstBlock] ?? NOT_YET);
      const loaded = { start: part.firstBlock, end: part.firstBlock + part.blocks.length };
      setState({ status: 'ready', article: { ...part, blocks, firstBlock: 0 }, position, loaded });
      const rest = await api['article.blocks']({ id, from: 0, to: part.blockCount });
      if (!isLive) return;
      if (!rest.ok) return setState({ status: 'error', message: rest.error.message, isMissing: rest.error.code === 'not-found' });
      const article = { ...part, blocks: rest.value.blocks, firstBlock: 0, assets: { ...part.assets, ...rest.value.assets } };
      setState({ status: 'ready', article, position, loaded: null });
    });
    return () => {
      isLive = false;
    };
  }, [id, query, exact]);
  return state;
}
