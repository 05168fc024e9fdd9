import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Highlight, SearchResult, SearchSort } from '../../../../common/contract';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { nextIndex } from '../../components/listNavigation';
import { formatCount } from '../../app/format';
import { CorrectionNotice } from './CorrectionNotice';
import { HighlightMatches } from './HighlightMatches';
import { SearchResultItem } from './SearchResultItem';
import type { SearchState } from './useSearch';
import './SearchResults.css';

interface Props {
  search: SearchState & { loadMore: () => void };
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
  selected: number;
  openId: string | null;
  onSelect: (index: number) => void;
  listId: string;
  resultId: (index: number) => string;
  onOpen: (result: SearchResult) => void;
  onOpenHighlight: (h: Highlight) => void;
  onSearchExactly: () => void;
}

/** The answer to a search: the total, a sort toggle, matching highlights, the results, or why there are none. */
export function SearchResults({
  search,
  sort,
  onSort,
  selected,
  openId,
  onSelect,
  listId,
  resultId,
  onOpen,
  onOpenHighlight,
  onSearchExactly,
}: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const results = search.response?.results ?? [];
  const total = search.response?.total ?? 0;

  useEffect(() => {
    listRef.current?.querySelector(`[data-result="${selected}"]`)?.closest('li')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !(e.target as HTMLElement).matches('.result-open')) return;
    const next = nextIndex(e.key, selected, results.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    listRef.current?.querySelector<HTMLElement>(`[data-result="${next}"]`)?.focus();
  };

  return (
    <div className="results">
      <div className="results-head">
        <p className="result-count" role="status">
          {search.status === 'error' ? 'Search failed' : search.response ? formatCount(total, 'result') : 'Searching…'}
        </p>
        <div className="sort-toggle" role="group" aria-label="Sort results">
          {(['relevance', 'date'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={sort === s} onClick={() => onSort(s)}>
              {s === 'relevance' ? 'Relevance' : 'Date'}
            </button>
          ))}
        </div>
      </div>
      <div className="results-scroll">
        {search.error ? (
          <Notice tone="error">
            <p>The search could not be run: {search.error}</p>
          </Notice>
        ) : null}
        {search.response && search.response.corrected.length > 0 ? (
          <CorrectionNotice query={search.query} corrected={search.response.corrected} onSearchExactly={onSearchExactly} />
        ) : null}
        {search.response?.notice ? (
          <Notice>
            <p>{search.response.notice}</p>
          </Notice>
        ) : search.status === 'ready' && total === 0 ? (
          <Notice>
            <p>No results for “{search.query}”.</p>
          </Notice>
        ) : null}
        <HighlightMatches highlights={search.highlights} onOpen={onOpenHighlight} />
        {results.length > 0 ? (
          <ul ref={listRef} id={listId} className="result-list" aria-label="Search results" onKeyDown={onKeyDown}>
            {results.map((r, i) => (
              <SearchResultItem
                key={r.id}
                result={r}
                index={i}
                domId={resultId(i)}
                isSelected={i === selected}
                isOpen={r.id === openId}
                onOpen={onOpen}
                onFocusItem={onSelect}
              />
            ))}
          </ul>
        ) : null}
        {results.length > 0 && results.length < total ? (
          <div className="results-more">
            <Button onClick={search.loadMore} disabled={search.isLoadingMore}>
              {search.isLoadingMore ? 'Loading…' : `Show more results (${formatCount(total - results.length, 'more', 'more')})`}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
