import type { RefObject } from 'react';
import { Icon } from '../../components/Icon';
import type { TextSelection } from './useSelectionRange';

interface Props {
  selection: TextSelection | null;
  containerRef: RefObject<HTMLElement | null>;
  onHighlight: () => void;
}

/** The floating "Highlight" button over selected text (the h key does the same). */
export function SelectionToolbar({ selection, containerRef, onHighlight }: Props) {
  const box = containerRef.current?.getBoundingClientRect();
  if (!selection || !box) return null;
  const { rect } = selection;
  const above = rect.top - box.top - 44;
  const top = above < 8 ? rect.bottom - box.top + 8 : above;
  const left = Math.min(Math.max(rect.left + rect.width / 2 - box.left, 60), box.width - 60);
  return (
    <div className="selection-toolbar" style={{ top, left }}>
      <button
        type="button"
        className="selection-button"
        aria-keyshortcuts="H"
        title="Highlight (H)"
        // Keep the selection: a mouse press on the button would otherwise clear it before the click.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onHighlight}
      >
        <Icon name="highlight" size={16} />
        Highlight
      </button>
    </div>
  );
}
