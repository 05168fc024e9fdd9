import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How far from the window's edges an open panel stays. */
const EDGE = 8;

/**
 * Moves an open panel into the window, whatever its CSS placed it at (a button near the bottom of a tall
 * pane, a small window): first as tall as the window allows, then shifted back inside it.
 */
function keepInWindow(panel: HTMLElement): void {
  panel.style.translate = '';
  panel.style.maxHeight = '';
  const room = window.innerHeight - 2 * EDGE;
  if (panel.getBoundingClientRect().height > room) panel.style.maxHeight = `${room}px`;
  const r = panel.getBoundingClientRect();
  // Past the far edge: back by the overflow; then never past the near edge (a panel wider than the window keeps its start).
  const shift = (start: number, end: number, size: number) => Math.max(EDGE - start, Math.min(0, size - EDGE - end));
  const dx = shift(r.left, r.right, window.innerWidth);
  const dy = shift(r.top, r.bottom, window.innerHeight);
  if (dx !== 0 || dy !== 0) panel.style.translate = `${dx}px ${dy}px`;
}

/**
 * Open state for a panel toggled by a button: Escape or a click outside closes it, focus goes back
 * to the button when it closes from inside, and the open panel is always inside the window.
 */
export function usePopover<P extends HTMLElement = HTMLDivElement>() {
  const [isOpen, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<P>(null);
  const close = useCallback((returnFocus = true) => {
    setOpen(false);
    if (returnFocus && panelRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
  }, []);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!isOpen || !panel) return;
    buttonRef.current?.scrollIntoView({ block: 'nearest' });
    keepInWindow(panel);
    const onResize = () => keepInWindow(panel);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [isOpen]);
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
