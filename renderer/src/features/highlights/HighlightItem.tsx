import { useEffect, useId, useRef, useState } from 'react';
import type { Highlight } from '../../../../common/contract';
import { Button } from '../../components/Button';
import { IconButton } from '../../components/IconButton';

interface Props {
  highlight: Highlight;
  showTitle: boolean;
  isFocused: boolean;
  onGo: (h: Highlight) => void;
  onSaveNote: (hid: string, note: string) => Promise<boolean>;
  onRemove: (h: Highlight) => void;
}

/** A highlight in the panel: its words (go to them), its note (edit it) and a delete button. */
export function HighlightItem({ highlight, showTitle, isFocused, onGo, onSaveNote, onRemove }: Props) {
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(highlight.note);
  const noteId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!isFocused) return;
    itemRef.current?.scrollIntoView({ block: 'nearest' });
    itemRef.current?.querySelector<HTMLElement>('.hl-quote')?.focus();
  }, [isFocused]);
  useEffect(() => {
    if (isEditing) fieldRef.current?.focus();
  }, [isEditing]);

  const save = async () => {
    if (await onSaveNote(highlight.hid, draft.trim())) setEditing(false);
  };

  return (
    <li ref={itemRef} className={`hl-item${isFocused ? ' is-focused' : ''}`}>
      <button type="button" className="hl-quote" onClick={() => onGo(highlight)}>
        {showTitle ? <span className="hl-title">{highlight.title}</span> : null}
        <span className="hl-text" dir="auto">
          {highlight.quote}
        </span>
        {highlight.textChanged ? (
          <span className="hl-changed" title="The article changed on re-import and these words are no longer in it.">
            Text changed
          </span>
        ) : null}
      </button>
      {isEditing ? (
        <div className="hl-note-edit">
          <label htmlFor={noteId} className="visually-hidden">
            Note
          </label>
          <textarea
            ref={fieldRef}
            id={noteId}
            rows={3}
            value={draft}
            placeholder="Write a note…"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setDraft(highlight.note);
                setEditing(false);
              }
            }}
          />
          <div className="hl-note-actions">
            <Button variant="quiet" onClick={() => (setDraft(highlight.note), setEditing(false))}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => void save()}>
              Save note
            </Button>
          </div>
        </div>
      ) : (
        <div className="hl-note-row">
          {highlight.note ? <p className="hl-note">{highlight.note}</p> : null}
          <div className="hl-actions">
            <Button variant="quiet" onClick={() => setEditing(true)}>
              {highlight.note ? 'Edit note' : 'Add note'}
            </Button>
            <IconButton icon="trash" label="Delete highlight" onClick={() => onRemove(highlight)} />
          </div>
        </div>
      )}
    </li>
  );
}
