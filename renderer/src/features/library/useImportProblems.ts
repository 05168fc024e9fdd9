import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProblem } from '../../../../common/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

/** Files that could not be imported; fetched again (at most every 300 ms) while the index or the library changes. */
export function useImportProblems() {
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(() => {
    void api['import.problems']({}).then((r) => {
      if (r.ok) setProblems(r.value);
    });
  }, []);
  useEffect(() => {
    load();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);
  const reload = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, 300);
  };
  useApiEvent('index.changed', reload);
  // A removed folder takes its problems along without a sync.
  useApiEvent('library.changed', reload);
  return problems;
}
