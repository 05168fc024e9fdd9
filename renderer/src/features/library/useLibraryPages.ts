import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleFormat, ArticleSummary, LibrarySort } from '../../../../common/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';
import { PAGE_SIZE, pagesFor } from './pages';

interface State {
  total: number | null;
  pages: Map<number, ArticleSummary[]>;
  error: string | null;
  /** Changes whenever the rows are replaced, so the list asks for its visible pages again. */
  version: number;
  /** The sort the rows shown are in (null before the first page): announced for tests, which wait for it after sorting. */
  sort: LibrarySort | null;
  /** Likewise the format filter of the rows shown: 'all', or the format. */
  format: string | null;
}

/**
 * The library, a page at a time: the virtual list asks for the rows it shows, and only missing
 * pages are fetched. Sorting, filtering or a change to the library starts over.
 */
export function useLibraryPages(sort: LibrarySort, folder: string | null, format: ArticleFormat | null = null) {
  const [state, setState] = useState<State>({ total: null, pages: new Map(), error: null, version: 0, sort: null, format: null });
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());

  const fetchPage = useCallback(
    async (page: number, gen: number, isFresh: boolean) => {
      inFlight.current.add(page);
      const r = await api['library.list']({
        sort,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        ...(folder ? { folder } : {}),
        ...(format ? { format } : {}),
      });
      if (gen !== generation.current) return;
      inFlight.current.delete(page);
      setState((s) => {
        if (!r.ok) return { ...s, error: `The library could not be loaded: ${r.error.message}` };
        const pages = isFresh ? new Map<number, ArticleSummary[]>() : new Map(s.pages);
        pages.set(page, r.value.items);
        return {
          total: r.value.total,
          pages,
          error: null,
          version: isFresh ? s.version + 1 : s.version,
          sort: isFresh ? sort : s.sort,
          format: isFresh ? (format ?? 'all') : s.format,
        };
      });
    },
    [sort, folder, format],
  );

  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current = new Set();
    void fetchPage(0, gen, true);
  }, [fetchPage, reloads]);

  useApiEvent('library.changed', () => setReloads((n) => n + 1));

  const ensure = useCallback(
    (first: number, last: number) => {
      if (state.total === null) return;
      for (const page of pagesFor(first, last, state.total)) {
        if (!state.pages.has(page) && !inFlight.current.has(page)) void fetchPage(page, generation.current, false);
      }
    },
    [state.total, state.pages, fetchPage],
  );

  const rowAt = useCallback((index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null, [state.pages]);

  return {
    total: state.total,
    error: state.error,
    version: state.version,
    sort: state.sort,
    format: state.format,
    rowAt,
    ensure,
    reload: () => setReloads((n) => n + 1),
  };
}
