import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Open state for a panel toggled by a button: Escape or a click outside closes it, and focus
 * goes back to the button when it closes from inside.
 */
export function usePopover<P extends HTMLElement = HTMLDivElement>() {
  const [isOpen, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<P>(null);
  const close = useCallback((returnFocus = true) => {
    setOpen(false);
    if (returnFocus && panelRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
  }, []);
  // Escape on the panel or its button closes the panel and goes no further (the reader would leave hit mode).
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      const focus = document.activeElement as Node | null;
      if (e.key === 'Escape' && (panelRef.current?.contains(focus) || buttonRef.current === focus)) {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panelRef.current?.contains(t) && !buttonRef.current?.contains(t)) close(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [isOpen, close]);
  return { isOpen, setOpen, toggle: () => setOpen((o) => !o), close, buttonRef, panelRef };
}
