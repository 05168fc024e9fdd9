import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Highlight, SearchResult, SearchSort } from '../../../../common/contract';
import { useApiEvent } from '../../app/useApiEvent';
import { hasModifier, isEditableTarget } from '../../app/keys';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import './SearchPanel.css';

interface Props {
  query: string;
  onQueryChange: (query: string) => void;
  onOpen: (id: string, query: string | null, exact?: boolean) => void;
  /** The article open in the reader, marked as such in the results. */
  openId: string | null;
}

/** The search landmark: the field, and under it the results while there is a query. */
export function SearchPanel({ query, onQueryChange, onOpen, openId }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [selected, setSelected] = useState(0);
  // "Search instead for …": this query, as typed, without corrections (typing anything else ends it).
  const [exactQuery, setExactQuery] = useState<string | null>(null);
  const search = useSearch(query, sort, exactQuery === query.trim());
  const ids = useId();
  const listId = `${ids}-results`;
  const resultId = useCallback((i: number) => `${ids}-result-${i}`, [ids]);
  const results = search.response?.results ?? [];
  const hasQuery = query.trim() !== '';
  const isAnswered = search.status === 'ready' || search.status === 'error';

  // Enter pressed before the results arrived opens the first result once they do.
  const isEnterPending = useRef(false);
  useEffect(() => setSelected(0), [search.query, sort]);
  useEffect(() => {
    if (!isEnterPending.current || search.status !== 'ready') return;
    isEnterPending.current = false;
    const first = search.response?.results[0];
    if (first) onOpen(first.id, search.query, search.exact);
  }, [search.response, search.status, search.query, search.exact, onOpen]);
  useEffect(() => {
    isEnterPending.current = false;
  }, [query]);

  const focusSearch = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const isSlash = e.key === '/' && !hasModifier(e) && !e.altKey && !isEditableTarget(e.target);
      const isCtrlK = e.key.toLowerCase() === 'k' && hasModifier(e) && !e.altKey && !e.shiftKey;
      if (!isSlash && !isCtrlK) return;
      e.preventDefault();
      focusSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch]);
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'focus-search') focusSearch();
  });

  const open = useCallback(
    (r: SearchResult) => onOpen(r.id, search.query || query.trim(), search.exact),
    [onOpen, search.query, search.exact, query],
  );
  const openHighlight = useCallback((h: Highlight) => onOpen(h.id, null), [onOpen]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (results.length === 0) return;
        e.preventDefault();
        setSelected((s) => Math.max(0, Math.min(results.length - 1, s + (e.key === 'ArrowDown' ? 1 : -1))));
        break;
      case 'Enter': {
        if (!hasQuery) return;
        e.preventDefault();
        const r = results[selected] ?? results[0];
        if (search.status === 'loading' || !r) isEnterPending.current = search.status === 'loading';
        else open(r);
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (query !== '') onQueryChange('');
        else inputRef.current?.blur();
        break;
    }
  };

  return (
    <div
      role="search"
      className={`search${hasQuery ? ' has-query' : ''}`}
      aria-busy={search.status === 'loading'}
      // The query and sort the shown results answer, and how many late answers were dropped: what tests (and debugging) wait for.
      data-answered={isAnswered ? search.query : ''}
      data-answered-sort={isAnswered ? search.sort : ''}
      data-answered-exact={isAnswered ? String(search.exact) : ''}
      data-superseded={search.superseded}
    >
      <SearchBox
        ref={inputRef}
        value={query}
        onChange={onQueryChange}
        onKeyDown={onKeyDown}
        controls={hasQuery && results.length > 0 ? listId : undefined}
        activeDescendant={hasQuery && results[selected] ? resultId(selected) : undefined}
      />
      {hasQuery ? (
        <SearchResults
          search={search}
          sort={sort}
          onSort={setSort}
          selected={selected}
          openId={openId}
          onSelect={setSelected}
          listId={listId}
          resultId={resultId}
          onOpen={open}
          onOpenHighlight={openHighlight}
          onSearchExactly={() => setExactQuery(query.trim())}
        />
      ) : null}
    </div>
  );
}
