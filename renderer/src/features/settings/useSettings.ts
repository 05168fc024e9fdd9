import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../../common/contract';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

/**
 * The reading settings: loaded at start, applied to the document (theme), saved on every change,
 * and kept in step with changes made elsewhere (another window, the menu).
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);

  useEffect(() => {
    let isLive = true;
    void api['settings.get']({}).then((r) => {
      if (!isLive) return;
      if (r.ok) setSettings(r.value);
      else {
        setError(`Your reading settings could not be loaded: ${r.error.message}`);
        setSettings(DEFAULT_SETTINGS);
      }
    });
    return () => {
      isLive = false;
    };
  }, []);

  // Our own saves echo back as events; while one is in flight the local value is newer.
  useApiEvent('settings.changed', (s) => {
    if (pending.current === 0) setSettings(s);
  });

  const theme = settings?.theme;
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Saves go one after another: two in flight at once may reach main in either order (serve mode sends
  // each on its own connection), and the older one would then be what is kept.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    pending.current++;
    saving.current = saving.current.then(() =>
      api['settings.set'](patch).then((r) => {
        pending.current--;
        if (!r.ok) setError(`The setting could not be saved: ${r.error.message}`);
        else if (pending.current === 0) setSettings(r.value);
      }),
    );
  }, []);

  return { settings, update, error, clearError: () => setError(null) };
}
