import { useCallback, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../common/contract';
import { api } from '../../api';

const without = (ids: ReadonlySet<string>, id: string) => new Set([...ids].filter((x) => x !== id));

/**
 * Dismissing cards from the Continue reading shelf: a card goes at once and main keeps it off
 * (library.dismissContinue) until it is read again; the last one can be taken back (Undo). `items` is
 * the shelf as last loaded: a card stays hidden here until a load no longer has it, since a load
 * started before main stored the dismissal may still hold it; after that, main decides.
 */
export function useShelfDismissal(items: readonly ArticleSummary[]) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [loaded, setLoaded] = useState(items);
  const [removed, setRemoved] = useState<ArticleSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Undo waits for the dismissal it undoes: over HTTP the two requests could otherwise cross.
  const pending = useRef<Promise<unknown>>(Promise.resolve());

  if (items !== loaded) {
    setLoaded(items);
    const ids = new Set(items.map((a) => a.id));
    setHidden((h) => new Set([...h].filter((id) => ids.has(id))));
  }

  const dismiss = useCallback((item: ArticleSummary) => {
    setHidden((h) => new Set(h).add(item.id));
    setRemoved(item);
    setError(null);
    pending.current = api['library.dismissContinue']({ id: item.id }).then((r) => {
      if (r.ok) return;
      setHidden((h) => without(h, item.id));
      setRemoved(null);
      setError(`“${item.title}” could not be removed from Continue reading: ${r.error.message}`);
    });
  }, []);

  const undo = useCallback(async () => {
    if (!removed) return;
    setRemoved(null);
    setHidden((h) => without(h, removed.id));
    await pending.current;
    const r = await api['library.restoreContinue']({ id: removed.id });
    if (!r.ok) setError(`“${removed.title}” could not be put back on Continue reading: ${r.error.message}`);
  }, [removed]);

  const forget = useCallback(() => {
    setRemoved(null);
    setError(null);
  }, []);

  return { isHidden: (id: string) => hidden.has(id), removed, error, dismiss, undo, forget };
}
