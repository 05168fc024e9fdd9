import { useEffect, type RefObject } from 'react';
import type { Article, Settings } from '../../../../common/contract';
import { Notice } from '../../components/Notice';
import type { ReaderEntry } from '../../app/useReaderHistory';
import { ArticleReader, type ReaderPanel } from './ArticleReader';
import { useArticle } from './useArticle';

interface Props {
  entry: ReaderEntry;
  settings: Settings;
  panel: ReaderPanel;
  onPanel: (panel: ReaderPanel) => void;
  findRequest: number;
  containerRef: RefObject<HTMLElement | null>;
  onLoaded: (article: Article | null) => void;
  onMissing: (id: string) => void;
  onOpenArticle: (id: string) => void;
  onProgress: (id: string, progress: number) => void;
}

/** One opened article: loading, the reason it could not be opened, or the article itself. */
export function ReaderView({ entry, onLoaded, onMissing, ...rest }: Props) {
  const state = useArticle(entry.id, entry.query, entry.exact);
  useEffect(() => {
    onLoaded(state.status === 'ready' ? state.article : null);
    if (state.status === 'error' && state.isMissing) onMissing(entry.id);
  }, [state, entry.id, onLoaded, onMissing]);

  if (state.status === 'loading') {
    return (
      <div className="reader-loading" aria-busy="true">
        <span className="visually-hidden">Loading the article…</span>
        <span className="skeleton skeleton-heading" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line short" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <Notice tone="error">
        <p>This article could not be opened.</p>
        <p>{state.message}</p>
      </Notice>
    );
  }
  return <ArticleReader article={state.article} position={state.position} loaded={state.loaded} query={entry.query} {...rest} />;
}
