import { useEffect, useEffectEvent } from 'react';
import { hasModifier, isEditableTarget, isPlainKey } from '../../app/keys';

interface Handlers {
  hasHits: boolean;
  hasSelection: () => boolean;
  onFind: () => void;
  onStep: (delta: 1 | -1) => void;
  onLeaveHits: () => void;
  onHighlight: () => void;
}

/** The reader's keys: Ctrl/Cmd+F finds, n / Shift+N step through hits, Escape leaves hit mode, h highlights. */
export function useReaderKeys(handlers: Handlers): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || (e.target instanceof Element && e.target.closest('dialog'))) return;
    if (hasModifier(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      handlers.onFind();
      return;
    }
    if (e.key === 'Escape' && handlers.hasHits && !isEditableTarget(e.target)) {
      handlers.onLeaveHits();
      return;
    }
    if (!isPlainKey(e)) return;
    if ((e.key === 'n' || e.key === 'N') && handlers.hasHits) {
      e.preventDefault();
      handlers.onStep(e.shiftKey ? -1 : 1);
    } else if ((e.key === 'h' || e.key === 'H') && !e.shiftKey && handlers.hasSelection()) {
      e.preventDefault();
      handlers.onHighlight();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
