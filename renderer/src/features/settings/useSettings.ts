import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedSettings, Settings } from '../../../../common/contract';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { api } from '../../api';
import { useApiEvent } from '../../app/useApiEvent';

function withoutRevision({ revision: _, ...settings }: SavedSettings): Settings {
  return settings;
}

/**
 * The reading settings: loaded at start, applied to the document (theme), saved on every change,
 * and kept in step with changes made elsewhere (another window, the menu).
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);
  // The number of the newest saved settings applied here: an echo of an older write, arriving late on
  // its own connection, must not undo a newer one.
  const revision = useRef(-1);
  const applySaved = useCallback((s: SavedSettings) => {
    if (pending.current !== 0 || s.revision <= revision.current) return;
    revision.current = s.revision;
    setSettings(withoutRevision(s));
  }, []);

  useEffect(() => {
    let isLive = true;
    void api['settings.get']({}).then((r) => {
      if (!isLive) return;
      if (r.ok) applySaved(r.value);
      else {
        setError(`Your reading settings could not be loaded: ${r.error.message}`);
        setSettings(DEFAULT_SETTINGS);
      }
    });
    return () => {
      isLive = false;
    };
  }, [applySaved]);

  // Our own saves echo back as events; while one is in flight the local value is newer.
  useApiEvent('settings.changed', applySaved);

  const theme = settings?.theme;
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Saves go one after another: two in flight at once may reach main in either order (serve mode sends
  // each on its own connection), and the older one would then be what is kept.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const update = useCallback(
    (patch: Partial<Settings>) => {
      // Before the saved settings arrive, the change applies to the defaults on screen: the reply to this
      // save (newer than the load's) then brings the rest. Dropping it lost a key press made during start-up.
      setSettings((s) => ({ ...(s ?? DEFAULT_SETTINGS), ...patch }));
      pending.current++;
      saving.current = saving.current.then(() =>
        api['settings.set'](patch).then((r) => {
          pending.current--;
          if (!r.ok) setError(`The setting could not be saved: ${r.error.message}`);
          else applySaved(r.value);
        }),
      );
    },
    [applySaved],
  );

  return { settings, update, error, clearError: () => setError(null) };
}
