import { useId, useState } from 'react';
import type { SearchResult } from '../../../../common/contract';

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
        <Terms label="Matching terms" terms={matched.terms} />
        <Terms label="Words in the article" terms={matched.words} />
        {missing.length > 0 ? <p className="why-missing">Missing: {missing.join(', ')}</p> : null}
      </div>
    </div>
  );
}

function Terms({ label, terms }: { label: string; terms: string[] }) {
  if (terms.length === 0) return null;
  return (
    <p>
      {label}:{' '}
      {terms.map((t, i) => (
        <code key={i} className="why-term">
          {t}
        </code>
      ))}
    </p>
  );
}
