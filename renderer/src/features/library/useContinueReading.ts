import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../../common/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

/**
 * The articles being read (past their first screen, or opened on two days) and not finished, most
 * recent first; refreshed when the open article changes, progress is saved or a card is dismissed or put back.
 */
export function useContinueReading(currentId: string | null, progress: ReadonlyMap<string, number>) {
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [reloads, setReloads] = useState(0);
  useApiEvent('library.changed', () => setReloads((n) => n + 1));
  useApiEvent('shelf.changed', () => setReloads((n) => n + 1));
  useEffect(() => {
    let isLive = true;
    void api['library.continue']({}).then((r) => {
      if (isLive && r.ok) setItems(r.value.filter((a) => (a.progress ?? 0) < 0.98));
    });
    return () => {
      isLive = false;
    };
  }, [currentId, reloads, progress]);
  return items;
}
