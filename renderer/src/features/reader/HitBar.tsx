import type { RefObject } from 'react';
import { IconButton } from '../../components/IconButton';

interface Props {
  isFinding: boolean;
  query: string | null;
  findText: string;
  onFindText: (text: string) => void;
  findInputRef: RefObject<HTMLInputElement | null>;
  /** Null before there is anything to count (find bar open, nothing typed). */
  count: number | null;
  index: number;
  error: string | null;
  onStep: (delta: 1 | -1) => void;
  onClose: () => void;
  /** The page the current hit is on, in a paged article (a PDF). */
  page?: number | null;
}

/** Above the article: the find field or the search being shown, "N of M", and stepping through the hits. */
export function HitBar({ isFinding, query, findText, onFindText, findInputRef, count, index, error, onStep, onClose, page = null }: Props) {
  return (
    <div className="hit-bar">
      {isFinding ? (
        <input
          ref={findInputRef}
          className="find-input"
          type="text"
          aria-label="Find in article"
          placeholder="Find in article"
          spellCheck={false}
          autoComplete="off"
          value={findText}
          onChange={(e) => onFindText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onStep(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
      ) : (
        <span className="hit-label">
          Matches for <q>{query}</q>
        </span>
      )}
      <span className="hit-counter" role="status">
        {error ?? (count === null ? '' : count === 0 ? 'No matches' : `${index + 1} of ${count}`)}
      </span>
      {page === null || !count ? null : (
        <span className="hit-page" data-page={page}>
          p. {page}
        </span>
      )}
      <div className="hit-actions">
        <IconButton icon="up" label="Previous hit" shortcut="Shift+N" disabled={!count} onClick={() => onStep(-1)} />
        <IconButton icon="down" label="Next hit" shortcut="N" disabled={!count} onClick={() => onStep(1)} />
        <IconButton icon="close" label={isFinding ? 'Close find' : 'Clear matches'} shortcut="Escape" onClick={onClose} />
      </div>
    </div>
  );
}
