import { useEffect, useState } from 'react';
import type { IndexStatus } from '../../../../common/contract';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

/** The indexer's progress: asked for once, then followed through index.changed. */
export function useIndexStatus(): IndexStatus | null {
  const [status, setStatus] = useState<IndexStatus | null>(null);
  useEffect(() => {
    let isLive = true;
    void api['index.status']({}).then((r) => {
      if (isLive && r.ok) setStatus((s) => s ?? r.value);
    });
    return () => {
      isLive = false;
    };
  }, []);
  useApiEvent('index.changed', setStatus);
  return status;
}
