import { useEffect, useState } from 'react';
import type { Article, ReadingPosition } from '../../../../common/contract';
import { api } from '../../api';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'error'; message: string; isMissing: boolean }
  | { status: 'ready'; article: Article; position: ReadingPosition | null };

/** Loads an article (with the hits of the query that opened it) and its saved reading position together. */
export function useArticle(id: string, query: string | null, exact = false): ArticleState {
  const [state, setState] = useState<ArticleState>({ status: 'loading' });
  useEffect(() => {
    let isLive = true;
    void Promise.all([api['article.get']({ id, ...(query ? { query, exact } : {}) }), api['position.get']({ id })]).then(([a, p]) => {
      if (!isLive) return;
      if (!a.ok) setState({ status: 'error', message: a.error.message, isMissing: a.error.code === 'not-found' });
      else setState({ status: 'ready', article: a.value, position: p.ok ? p.value : null });
    });
    return () => {
      isLive = false;
    };
  }, [id, query, exact]);
  return state;
}
