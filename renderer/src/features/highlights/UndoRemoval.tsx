import { useEffect } from 'react';
import { hasModifier, isEditableTarget } from '../../app/keys';
import { Button } from '../../components/Button';
import { IconButton } from '../../components/IconButton';

interface Props {
  onUndo: () => void;
  onDismiss: () => void;
}

/** Says a highlight was deleted and takes it back: the Undo button, or Ctrl/Cmd+Z outside a text field. */
export function UndoRemoval({ onUndo, onDismiss }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !hasModifier(e) || e.shiftKey || e.altKey || isEditableTarget(e.target)) return;
      e.preventDefault();
      onUndo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onUndo]);

  return (
    <div className="hl-undo" role="status">
      <span>Highlight deleted.</span>
      <Button variant="quiet" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </Button>
      <IconButton icon="close" label="Dismiss" onClick={onDismiss} />
    </div>
  );
}
