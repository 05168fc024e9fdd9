import { useCallback, useEffect, useState } from 'react';
import type { Folder } from '../../../../common/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

/** The library's folders with their article counts, and the actions on them. */
export function useFolders() {
  const [folders, setFolders] = useState<Folder[]>([]);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const load = useCallback(() => {
    void api['folders.list']({}).then((r) => {
      if (r.ok) setFolders(r.value);
    });
  }, []);
  useEffect(load, [load]);
  useApiEvent('library.changed', load);

  const add = useCallback(
    async (path: string): Promise<boolean> => {
      const r = await api['folders.add']({ path });
      if (!r.ok) {
        setMessage({ tone: 'error', text: r.error.message });
        return false;
      }
      setMessage({ tone: 'info', text: `Added ${r.value.root}. Its articles appear as they are indexed.` });
      load();
      return true;
    },
    [load],
  );
  const remove = useCallback(
    async (key: string) => {
      const r = await api['folders.remove']({ key });
      if (!r.ok) setMessage({ tone: 'error', text: r.error.message });
      else
        setMessage({
          tone: 'info',
          text: `Removed ${r.value.removed === 1 ? '1 article' : `${r.value.removed} articles`} from the library. The files themselves were not touched.`,
        });
      load();
    },
    [load],
  );
  const rescan = useCallback(async () => {
    const r = await api['folders.rescan']({});
    setMessage(
      r.ok ? { tone: 'info', text: 'Rescanning every folder for new and changed articles…' } : { tone: 'error', text: r.error.message },
    );
  }, []);

  return { folders, message, dismissMessage: () => setMessage(null), add, remove, rescan };
}
