import { useState } from 'react';
import type { Highlight } from '../../../../common/contract';
import { formatNumber } from '../../app/format';

const FIRST = 3;

/** Highlights and notes that match the search, in their own small list above the results. */
export function HighlightMatches({ highlights, onOpen }: { highlights: Highlight[]; onOpen: (h: Highlight) => void }) {
  const [isAll, setAll] = useState(false);
  if (highlights.length === 0) return null;
  const shown = isAll ? highlights : highlights.slice(0, FIRST);
  return (
    <section className="highlight-matches" aria-labelledby="highlight-matches-heading">
      <h2 id="highlight-matches-heading" className="section-heading">
        Your highlights
      </h2>
      <ul aria-label="Matching highlights" className="highlight-match-list">
        {shown.map((h) => (
          <li key={h.hid}>
            <button type="button" className="highlight-match" onClick={() => onOpen(h)}>
              <span className="highlight-match-quote" dir="auto">
                {h.quote}
              </span>
              {h.note ? <span className="highlight-match-note">{h.note}</span> : null}
              <span className="highlight-match-title">{h.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {highlights.length > FIRST ? (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {isAll ? 'Show fewer highlights' : `Show all ${formatNumber(highlights.length)} highlights`}
        </button>
      ) : null}
    </section>
  );
}
