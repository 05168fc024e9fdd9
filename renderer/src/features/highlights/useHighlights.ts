import { useCallback, useEffect, useState } from 'react';
import { comparePoints } from '../../../../common/blocks';
import type { Highlight } from '../../../../common/contract';
import { api } from '../../api';
import type { HighlightRange } from '../reader/selection';

const inReadingOrder = (list: Highlight[]) => list.sort((a, b) => comparePoints(a.start, b.start) || comparePoints(a.end, b.end));

/** One article's highlights, and adding, annotating, removing them and taking back a removal. */
export function useHighlights(articleId: string) {
  const [list, setList] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** The highlight deleted last, until it is restored or another one is deleted (one level of undo). */
  const [removed, setRemoved] = useState<Highlight | null>(null);

  const reload = useCallback(() => {
    void api['highlights.list']({ id: articleId }).then((r) => {
      if (r.ok) setList(inReadingOrder(r.value));
      else setError(`Highlights could not be loaded: ${r.error.message}`);
    });
  }, [articleId]);
  useEffect(reload, [reload]);
  useEffect(() => setRemoved(null), [articleId]);

  const add = useCallback(
    async (range: HighlightRange): Promise<Highlight | null> => {
      const r = await api['highlights.add']({ id: articleId, ...range });
      if (!r.ok) {
        setError(`The highlight could not be saved: ${r.error.message}`);
        return null;
      }
      setError(null);
      setList((l) => inReadingOrder([...l, r.value]));
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
  const remove = useCallback(async (h: Highlight) => {
    const r = await api['highlights.remove']({ hid: h.hid });
    if (!r.ok) return setError(`The highlight could not be removed: ${r.error.message}`);
    setList((l) => l.filter((x) => x.hid !== h.hid));
    setRemoved(h);
  }, []);
  const undoRemove = useCallback(async () => {
    if (!removed) return;
    const r = await api['highlights.restore']({ hid: removed.hid });
    if (!r.ok) return setError(`The highlight could not be brought back: ${r.error.message}`);
    setRemoved(null);
    reload();
  }, [removed, reload]);

  return {
    list,
    error,
    dismissError: () => setError(null),
    add,
    update,
    remove,
    removed,
    undoRemove,
    dismissRemoved: () => setRemoved(null),
    reload,
  };
}
