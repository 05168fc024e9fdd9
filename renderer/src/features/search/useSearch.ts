import { useCallback, useEffect, useRef, useState } from 'react';
import type { Highlight, SearchResponse, SearchSort } from '../../../../common/contract';
import { api } from '../../api';
import { createLatestGate } from './latest';

/** Results per page; "Show more" fetches the next page. */
export const RESULTS_PAGE = 30;

export interface SearchState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The query the shown results answer (not necessarily the one being typed). */
  query: string;
  /** The sort they are in (not necessarily the one just chosen). */
  sort: SearchSort;
  /** Whether they answer the query exactly as typed, without corrections. */
  exact: boolean;
  response: SearchResponse | null;
  highlights: Highlight[];
  error: string | null;
  isLoadingMore: boolean;
}

const IDLE: SearchState = {
  status: 'idle',
  query: '',
  sort: 'relevance',
  exact: false,
  response: null,
  highlights: [],
  error: null,
  isLoadingMore: false,
};

/**
 * Searches as you type, at each keystroke without waiting: the search for the next keystroke cancels
 * this one where it runs (main/library/readPool.ts), so a fast typist costs no more work than a slow
 * one, and no delay stands between a keystroke and its results. Every request takes a ticket from a
 * sequence gate, and only the newest ticket's answer is shown: a slow or cancelled answer to an
 * earlier query is dropped, never shown over a newer one.
 */
export function useSearch(query: string, sort: SearchSort, exact = false) {
  const [gate] = useState(createLatestGate);
  const [state, setState] = useState<SearchState>(IDLE);
  /** Answers dropped because a newer request was made meanwhile: announced so a test can tell one arrived. */
  const [superseded, setSuperseded] = useState(0);
  const ticketRef = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const ticket = gate.next();
    ticketRef.current = ticket;
    if (q === '') {
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, status: 'loading' }));
    void Promise.all([api['search.query']({ q, limit: RESULTS_PAGE, sort, exact }), api['highlights.search']({ q })]).then(([r, h]) => {
      if (!gate.isLatest(ticket)) {
        setSuperseded((n) => n + 1);
        return;
      }
      setState(
        r.ok
          ? {
              status: 'ready',
              query: q,
              sort,
              exact,
              response: r.value,
              highlights: h.ok ? h.value : [],
              error: null,
              isLoadingMore: false,
            }
          : { ...IDLE, status: 'error', query: q, sort, exact, error: r.error.message },
      );
    });
  }, [query, sort, exact, gate]);

  const loadMore = useCallback(() => {
    const ticket = ticketRef.current;
    const shown = state.response;
    if (!shown || state.isLoadingMore || shown.results.length >= shown.total) return;
    setState((s) => ({ ...s, isLoadingMore: true }));
    void api['search.query']({ q: state.query, limit: RESULTS_PAGE, offset: shown.results.length, sort, exact }).then((r) => {
      if (!gate.isLatest(ticket)) {
        setSuperseded((n) => n + 1);
        return;
      }
      setState((s) =>
        r.ok && s.response
          ? { ...s, isLoadingMore: false, response: { ...s.response, results: [...s.response.results, ...r.value.results] } }
          : { ...s, isLoadingMore: false, error: r.ok ? null : r.error.message },
      );
    });
  }, [state.response, state.isLoadingMore, state.query, sort, exact, gate]);

  return { ...state, superseded, loadMore };
}
