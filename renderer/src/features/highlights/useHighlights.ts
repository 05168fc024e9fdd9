import { useCallback, useEffect, useState } from 'react';
import type { Highlight } from '../../../../common/contract';
import { api } from '../../api';
import type { BlockRange } from '../reader/selection';

/** One article's highlights, and adding, annotating and removing them. */
export function useHighlights(articleId: string) {
  const [list, setList] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    void api['highlights.list']({ id: articleId }).then((r) => {
      if (r.ok) setList(r.value);
      else setError(`Highlights could not be loaded: ${r.error.message}`);
    });
  }, [articleId]);
  useEffect(reload, [reload]);

  const add = useCallback(
    async (range: BlockRange): Promise<Highlight | null> => {
      const r = await api['highlights.add']({ id: articleId, ...range });
      if (!r.ok) {
        setError(`The highlight could not be saved: ${r.error.message}`);
        return null;
      }
      setError(null);
      setList((l) => [...l, r.value].sort((a, b) => a.block - b.block || a.start - b.start));
      return r.value;
    },
    [articleId],
  );
  const update = useCallback(async (hid: string, note: string) => {
    const r = await api['highlights.update']({ hid, note });
    if (!r.ok) setError(`The note could not be saved: ${r.error.message}`);
    else setList((l) => l.map((h) => (h.hid === hid ? r.value : h)));
    return r.ok;
  }, []);
  const remove = useCallback(async (hid: string) => {
    const r = await api['highlights.remove']({ hid });
    if (!r.ok) setError(`The highlight could not be removed: ${r.error.message}`);
    else setList((l) => l.filter((h) => h.hid !== hid));
  }, []);

  return { list, error, dismissError: () => setError(null), add, update, remove, reload };
}
