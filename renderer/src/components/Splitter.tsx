import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import './Splitter.css';

interface Props {
  /** The width of the pane before the splitter, in px. */
  value: number;
  min: number;
  max: number;
  step: number;
  label: string;
  controls: string;
  onChange: (value: number) => void;
  /** Called once a drag or key press settles, to save the width. */
  onCommit: (value: number) => void;
  /** Called instead of onCommit when a drag ends well past the minimum: the pane is put away, as in an editor. */
  onCollapse?: () => void;
}

/**
 * A vertical window splitter: drag it, or focus it and use ←/→ (Shift for bigger steps), Home and End.
 * Dragged to less than half the minimum, it collapses the pane (when the owner offers that).
 */
export function Splitter({ value, min, max, step, label, controls, onChange, onCommit, onCollapse }: Props) {
  const drag = useRef<{ x: number; start: number; last: number; isCollapsing: boolean } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const big = e.shiftKey ? step * 4 : step;
    const next = { ArrowLeft: value - big, ArrowRight: value + big, Home: min, End: max }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const v = clamp(next);
    onChange(v);
    onCommit(v);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, start: value, last: value, isCollapsing: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const raw = drag.current.start + e.clientX - drag.current.x;
    const v = clamp(raw);
    drag.current.last = v;
    drag.current.isCollapsing = onCollapse !== undefined && raw < min / 2;
    onChange(v);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    if (drag.current.isCollapsing) onCollapse?.();
    else onCommit(drag.current.last);
    drag.current = null;
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
