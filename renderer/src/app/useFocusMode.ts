import { useCallback, useEffect, useState } from 'react';
import { isEditableTarget, isPlainKey } from './keys';

/**
 * Focus mode: the article alone, nothing else on screen. `f` enters and leaves it; Escape leaves it,
 * before anything else hears the key (in focus mode nothing else that Escape would close is shown,
 * and a reader leaving it should keep their hits). Not saved: it is for a sitting, not a preference.
 */
export function useFocusMode(): { isOn: boolean; set: (on: boolean) => void; toggle: () => void } {
  const [isOn, set] = useState(false);
  const toggle = useCallback(() => set((on) => !on), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || (e.target instanceof Element && e.target.closest('dialog'))) return;
      if (isOn && e.key === 'Escape' && !isEditableTarget(e.target)) {
        e.preventDefault();
        e.stopPropagation();
        set(false);
      } else if ((e.key === 'f' || e.key === 'F') && !e.shiftKey && isPlainKey(e)) {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [isOn, toggle]);
  return { isOn, set, toggle };
}
