import { memo } from 'react';
import type { ArticleSummary } from '../../../../common/contract';
import { formatLabel } from '../../../../common/formats';
import { formatDate, progressLabel } from '../../app/format';
import { sourceText } from '../reader/links';

interface Props {
  item: ArticleSummary;
  index: number;
  progress: number | null;
  isCurrent: boolean;
  isTabbable: boolean;
  onOpen: (id: string) => void;
  onFocusRow: (index: number) => void;
}

/** One article in the library: title, then author, date and source, then how far it was read; its format beside the title. */
export const LibraryRow = memo(function LibraryRow({ item, index, progress, isCurrent, isTabbable, onOpen, onFocusRow }: Props) {
  const label = progressLabel(progress);
  const meta = [
    { kind: 'author', text: item.author },
    { kind: 'date', text: formatDate(item.date) },
    { kind: 'source', text: item.source ? sourceText(item.source) : null },
  ].filter((m): m is { kind: string; text: string } => !!m.text);
  return (
    <button
      type="button"
      className="library-row"
      data-row={index}
      tabIndex={isTabbable ? 0 : -1}
      aria-current={isCurrent ? 'true' : undefined}
      onClick={() => onOpen(item.id)}
      onFocus={() => onFocusRow(index)}
    >
      <span className="row-title" dir="auto">
        {item.title}
      </span>
      <span className="row-bottom">
        <span className="row-meta">
          {meta.map((m) => (
            <span key={m.kind} className={`row-meta-item row-${m.kind}`}>
              {m.text}
            </span>
          ))}
        </span>
        {label !== null && progress !== null ? (
          <span className={`row-progress${progress >= 0.98 ? ' is-finished' : ''}`}>
            <span className="progress-track" aria-hidden="true">
              <span className="progress-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
            </span>
            <span className="row-progress-label">{label}</span>
          </span>
        ) : null}
      </span>
      {/* Last, so the row's name reads title, details, format; the grid puts it beside the title. */}
      {item.format ? <span className="row-format">{formatLabel(item.format)}</span> : null}
    </button>
  );
});
