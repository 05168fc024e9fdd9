import type { Correction } from '../../../../common/contract';

interface Props {
  /** The query as typed. */
  query: string;
  corrected: Correction[];
  onSearchExactly: () => void;
}

/** Each corrected word of the typed query replaced by its correction, matched without regard to case. */
function correctedQuery(query: string, corrected: Correction[]): string {
  let out = query;
  for (const { from, to } of corrected) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), to);
  }
  return out;
}

/** "Showing results for shanghai", with one click back to the query as typed. */
export function CorrectionNotice({ query, corrected, onSearchExactly }: Props) {
  return (
    <p className="correction-notice" data-corrected={corrected.map((c) => `${c.from}>${c.to}`).join(' ')}>
      Showing results for <strong>{correctedQuery(query, corrected)}</strong>.{' '}
      <button type="button" className="link-button" onClick={onSearchExactly}>
        Search instead for “{query}”
      </button>
    </p>
  );
}
