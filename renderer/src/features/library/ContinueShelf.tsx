import type { ArticleSummary } from '../../../../common/contract';
import { progressLabel } from '../../app/format';
import './ContinueShelf.css';

interface Props {
  items: ArticleSummary[];
  currentId: string | null;
  progressOf: (item: ArticleSummary) => number | null;
  onOpen: (id: string) => void;
}

/** A shelf of the articles in progress, to pick up where you left off. */
export function ContinueShelf({ items, currentId, progressOf, onOpen }: Props) {
  const shown = items.filter((a) => a.id !== currentId).slice(0, 8);
  if (shown.length === 0) return null;
  return (
    <section className="continue" aria-labelledby="continue-heading">
      <h2 id="continue-heading" className="section-heading">
        Continue reading
      </h2>
      <ul className="continue-list">
        {shown.map((a) => {
          const progress = progressOf(a) ?? 0;
          return (
            <li key={a.id}>
              <button type="button" className="continue-card" onClick={() => onOpen(a.id)}>
                <span className="continue-title" dir="auto">
                  {a.title}
                </span>
                <span className="continue-progress">
                  <span className="progress-track" aria-hidden="true">
                    <span className="progress-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
                  </span>
                  <span>{progressLabel(progress)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
