import { useId, useState } from 'react';
import type { SearchResult, TermMatch } from '../../../../common/contract';

const FIELD_NAMES = { title: 'the title', author: 'the author', body: 'the text' } as const;

/** "Why this matched": on demand, where the query's words were found, the article's words that matched them, and what it lacks. */
export function MatchedWhy({ matched, missing }: Pick<SearchResult, 'matched' | 'missing'>) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const fields = matched.fields.map((f) => FIELD_NAMES[f]);
  return (
    <div className="why">
      <button type="button" className="why-button" aria-expanded={isOpen} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Why this matched
      </button>
      <div id={id} className="why-panel" hidden={!isOpen}>
        {fields.length > 0 ? (
          <p>Found in {fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields[0]}.</p>
        ) : (
          <p>Matched by a partial word.</p>
        )}
        {matched.by_term.length > 0 ? (
          <ul className="why-terms" aria-label="Matched words">
            {matched.by_term.map((t, i) => (
              <TermLine key={i} match={t} />
            ))}
          </ul>
        ) : null}
        {missing.length > 0 ? <p className="why-missing">Missing: {missing.join(', ')}</p> : null}
      </div>
    </div>
  );
}

/** One typed word and the article's words that matched it: "vaccines ← vaccination (in the text)". */
function TermLine({ match }: { match: TermMatch }) {
  return (
    <li>
      <code className="why-term">{match.term}</code> ←{' '}
      {match.words.map((w, i) => (
        <span key={i} className="why-word">
          <code className="why-term">{w.word}</code>
          <span className="why-where">
            {' '}
            ({w.fragment ? 'inside a word, ' : ''}in {w.fields.map((f) => FIELD_NAMES[f]).join(', ')})
            {i < match.words.length - 1 ? ';' : null}
          </span>
          {i < match.words.length - 1 ? ' ' : null}
        </span>
      ))}
    </li>
  );
}
