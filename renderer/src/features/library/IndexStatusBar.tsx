import type { IndexStatus } from '../../../../common/contract';
import { formatCount, formatNumber } from '../../app/format';

/** How the index is doing: a progress bar and the file being read while indexing, else a summary. */
export function IndexStatusBar({ status, total }: { status: IndexStatus | null; total: number | null }) {
  const isIndexing = status?.state === 'indexing';
  const summary = isIndexing
    ? `Indexing ${formatNumber(status.done)} of ${formatNumber(status.total)}…`
    : status?.state === 'error'
      ? `Indexing failed: ${status.message ?? 'unknown error'}`
      : total === null
        ? 'Loading the library…'
        : formatCount(total, 'article');
  return (
    <div className={`index-status${status?.state === 'error' ? ' is-error' : ''}`}>
      <span role="status" className="index-summary">
        {summary}
      </span>
      {isIndexing ? (
        <>
          <progress className="index-progress" aria-label="Indexing progress" max={Math.max(1, status.total)} value={status.done} />
          {status.current ? (
            <span className="index-current" title={status.current}>
              {status.current}
            </span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
