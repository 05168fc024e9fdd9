import { memo } from 'react';
import type { SearchResult } from '../../../../common/contract';
import { formatDate } from '../../app/format';
import { MatchedWhy } from './MatchedWhy';
import { Snippet } from './Snippet';

interface Props {
  result: SearchResult;
  index: number;
  domId: string;
  /** Where Enter goes: the result picked with the arrow keys. */
  isSelected: boolean;
  /** The article open in the reader. */
  isOpen: boolean;
  onOpen: (result: SearchResult) => void;
  onFocusItem: (index: number) => void;
}

/**
 * One result: its button is named by the title first, then date, author and the snippet. The one open in
 * the reader is filled and says so (aria-current); the one the arrow keys picked has a ring.
 */
export const SearchResultItem = memo(function SearchResultItem({ result, index, domId, isSelected, isOpen, onOpen, onFocusItem }: Props) {
  const date = formatDate(result.date);
  return (
    <li className={`result${isSelected ? ' is-selected' : ''}${isOpen ? ' is-open' : ''}`}>
      <button
        type="button"
        id={domId}
        className="result-open"
        data-result={index}
        aria-current={isOpen ? 'true' : undefined}
        onClick={() => onOpen(result)}
        onFocus={() => onFocusItem(index)}
      >
        <span className="result-title" dir="auto">
          {result.title_segments.length > 0 ? <Snippet segments={result.title_segments} /> : result.title}
        </span>
        {date || result.author ? (
          <span className="result-meta">
            {date ? (
              <time className="result-meta-item" dateTime={result.date ?? undefined}>
                {date}
              </time>
            ) : null}
            {result.author ? <span className="result-meta-item">{result.author}</span> : null}
          </span>
        ) : null}
        {isOpen ? <span className="result-badge">Open in reader</span> : null}
        {result.snippet.length > 0 ? (
          <span className="result-snippet" dir="auto">
            {result.page === undefined ? null : (
              <span className="result-page" lang="en" dir="ltr">
                p. {result.page}{' '}
              </span>
            )}
            <Snippet segments={result.snippet} />
          </span>
        ) : null}
      </button>
      <MatchedWhy matched={result.matched} missing={result.missing} />
    </li>
  );
});
