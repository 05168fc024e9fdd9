import { useCallback, useEffect, useRef, useState } from 'react';
import type { Folder, IndexStatus, SyncSummary } from '../../../../common/contract';
import { api } from '../../api';
import { formatCount, formatNumber } from '../../app/format';
import { useApiEvent } from '../../app/useApiEvent';

/** An add or a rescan whose sync has not finished: its message is replaced by a summary once it has. */
type Waiting = { kind: 'add'; root: string } | { kind: 'rescan' };

/** What a finished add or rescan says, from what its sync did. */
export function summaryOf(w: Waiting, last: SyncSummary): string {
  const failed = last.failed > 0 ? ` ${formatCount(last.failed, 'file')} could not be imported (see Import problems).` : '';
  if (w.kind === 'add') return `Added ${w.root}: ${formatCount(last.added, 'article')}.${failed}`;
  const parts = [
    last.added > 0 ? `${formatNumber(last.added)} new` : '',
    last.updated > 0 ? `${formatNumber(last.updated)} changed` : '',
    last.removed > 0 ? `${formatNumber(last.removed)} removed` : '',
  ].filter(Boolean);
  return `Rescan done: ${parts.length > 0 ? parts.join(', ') : 'every article was up to date'}.${failed}`;
}

/** A message under the folders; `undo` is offered beside it (a removal can be taken back). */
export interface FolderMessage {
  tone: 'info' | 'error';
  text: string;
  undo?: () => void;
}

/**
 * The library's folders with their article counts, and the actions on them. `onRemoved` hears of a
 * removed folder's key, so what was open from it can be closed.
 */
export function useFolders(onRemoved?: (key: string) => void) {
  const [folders, setFolders] = useState<Folder[]>([]);
  const [message, setMessage] = useState<FolderMessage | null>(null);
  const load = useCallback(() => {
    void api['folders.list']({}).then((r) => {
      if (r.ok) setFolders(r.value);
    });
  }, []);
  useEffect(load, [load]);
  useApiEvent('library.changed', load);

  // What the syncs that finished since the add or rescan was asked for did, summed (a watcher's sync may run too).
  const waiting = useRef<{ what: Waiting; since: number; sum: SyncSummary } | null>(null);
  const settle = useCallback((status: IndexStatus) => {
    const w = waiting.current;
    if (!w) return;
    if (status.finished > w.since && status.last) {
      for (const k of ['added', 'updated', 'removed', 'failed'] as const) w.sum[k] += status.last[k];
      w.since = status.finished;
    }
    if (status.state === 'indexing' || status.pending > 0) return;
    waiting.current = null;
    setMessage(
      status.state === 'error'
        ? { tone: 'error', text: status.message ?? 'Indexing failed.' }
        : { tone: 'info', text: summaryOf(w.what, w.sum) },
    );
  }, []);
  useApiEvent('index.changed', settle);
  /** How many syncs had finished before an add or rescan is asked for: the ones after it are its own. */
  const finishedSoFar = async () => {
    const r = await api['index.status']({});
    return r.ok ? r.value.finished : 0;
  };
  /** Waits for the syncs just asked for; they may have finished before the answer arrived. */
  const awaitSync = useCallback(
    (what: Waiting, since: number) => {
      waiting.current = { what, since, sum: { added: 0, updated: 0, removed: 0, failed: 0 } };
      void api['index.status']({}).then((r) => r.ok && settle(r.value));
    },
    [settle],
  );

  const add = useCallback(
    async (path: string): Promise<boolean> => {
      const since = await finishedSoFar();
      const r = await api['folders.add']({ path });
      if (!r.ok) {
        setMessage({ tone: 'error', text: r.error.message });
        return false;
      }
      const known = folders.find((f) => f.key === r.value.key);
      if (known) {
        setMessage({ tone: 'info', text: `${r.value.root} is already in the library, with ${formatCount(known.articles, 'article')}.` });
        return true;
      }
      setMessage({ tone: 'info', text: `Adding ${r.value.root}… its articles appear as they are indexed.` });
      awaitSync({ kind: 'add', root: r.value.root }, since);
      load();
      return true;
    },
    [load, folders, awaitSync],
  );
  const remove = useCallback(
    async (folder: Folder) => {
      const r = await api['folders.remove']({ key: folder.key });
      if (!r.ok) setMessage({ tone: 'error', text: r.error.message });
      else {
        onRemoved?.(folder.key);
        setMessage({
          tone: 'info',
          text: `Removed ${folder.root}: ${formatCount(r.value.removed, 'article')} left the library. The files themselves were not touched.`,
          // Adding it back indexes the same files under the same ids: highlights and positions return with them.
          undo: () => void add(folder.root),
        });
      }
      load();
    },
    [load, onRemoved, add],
  );
  const rescan = useCallback(async () => {
    const since = await finishedSoFar();
    const r = await api['folders.rescan']({});
    if (!r.ok) return setMessage({ tone: 'error', text: r.error.message });
    setMessage({ tone: 'info', text: 'Rescanning every folder for new and changed articles…' });
    awaitSync({ kind: 'rescan' }, since);
  }, [awaitSync]);

  return { folders, message, show: setMessage, dismissMessage: () => setMessage(null), add, remove, rescan };
}
