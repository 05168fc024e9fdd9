import { useCallback, useState } from 'react';

/** One opened article; `key` tells two openings of the same article apart. */
export interface ReaderEntry {
  id: string;
  /** The search that opened it, so the reader can mark its hits. */
  query: string | null;
  /** The search ran as typed ("Search instead for …"): the reader marks the typed words only. */
  exact: boolean;
  key: number;
}

interface State {
  entries: ReaderEntry[];
  index: number;
}

let nextKey = 1;

/** Back and forward between opened articles, like a browser's history. */
export function useReaderHistory() {
  const [state, setState] = useState<State>({ entries: [], index: -1 });
  const open = useCallback((id: string, query: string | null = null, exact = false) => {
    setState((s) => {
      const entries = [...s.entries.slice(0, s.index + 1), { id, query, exact, key: nextKey++ }];
      return { entries: entries.slice(-100), index: Math.min(entries.length, 100) - 1 };
    });
  }, []);
  const go = useCallback((delta: number) => {
    setState((s) => {
      const index = s.index + delta;
      if (index < 0 || index >= s.entries.length) return s;
      // A fresh key remounts the reader, so it restores the reading position again.
      const entries = s.entries.map((e, i) => (i === index ? { ...e, key: nextKey++ } : e));
      return { entries, index };
    });
  }, []);
  /** Closes the open article and forgets the history (its folder was removed: going back would find nothing). */
  const close = useCallback(() => setState({ entries: [], index: -1 }), []);
  const back = useCallback(() => go(-1), [go]);
  const forward = useCallback(() => go(1), [go]);
  return {
    current: state.entries[state.index] ?? null,
    canGoBack: state.index > 0,
    canGoForward: state.index < state.entries.length - 1,
    open,
    close,
    back,
    forward,
  };
}
