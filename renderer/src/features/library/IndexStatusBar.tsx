import type { IndexStatus } from '../../../../common/contract';
import { formatCount, formatNumber } from '../../app/format';

/** The last part of a folder's path: enough to recognise it in a one-line status. */
function folderName(folder: IndexStatus['folder']): string {
  if (!folder) return 'the library';
  if (folder.isBundled) return 'the bundled articles';
  return folder.root.split(/[\\/]/u).findLast((part) => part !== '') ?? folder.root;
}

/** What a running sync is doing, in one line: it names each phase, so a long one never looks stuck. */
function indexingSummary(status: IndexStatus): string {
  switch (status.phase) {
    case 'scanning':
      return `Scanning ${folderName(status.folder)}… ${formatCount(status.total, 'file')} found`;
    case 'finishing':
      return 'Finishing: adding the new words to the search vocabulary…';
    case 'reading':
    case 'saving':
    case null:
      return `Indexing ${formatNumber(status.done)} of ${formatNumber(status.total)}…`;
    default:
      return status.phase satisfies never;
  }
}

/** Under the bar: the file being read, or what a batch commit is saving. */
function indexingDetail(status: IndexStatus): string | null {
  if (status.phase === 'saving' && status.step)
    return `Saving ${formatCount(status.step.total, 'article')} (${formatNumber(status.step.done)} written)…`;
  return status.phase === 'reading' ? status.current : null;
}

/** The bar's value and maximum: none while the total is not known yet. */
function indexingProgress(status: IndexStatus): { value: number; max: number } | null {
  if (status.phase === 'scanning') return null;
  if (status.phase === 'finishing') return status.step && { value: status.step.done, max: Math.max(1, status.step.total) };
  return { value: status.done, max: Math.max(1, status.total) };
}

/** How the index is doing: a progress bar and what it is doing while indexing, else a summary. */
export function IndexStatusBar({ status, total }: { status: IndexStatus | null; total: number | null }) {
  const isIndexing = status?.state === 'indexing';
  const summary = isIndexing
    ? indexingSummary(status)
    : status?.state === 'error'
      ? `Indexing failed: ${status.message ?? 'unknown error'}`
      : total === null
        ? 'Loading the library…'
        : formatCount(total, 'article');
  const progress = isIndexing ? indexingProgress(status) : null;
  const detail = isIndexing ? indexingDetail(status) : null;
  return (
    <div
      className={`index-status${status?.state === 'error' ? ' is-error' : ''}`}
      data-phase={isIndexing ? (status.phase ?? '') : undefined}
    >
      <span role="status" className="index-summary">
        {summary}
      </span>
      {isIndexing ? (
        <>
          {progress ? (
            <progress className="index-progress" aria-label="Indexing progress" max={progress.max} value={progress.value} />
          ) : (
            <progress className="index-progress" aria-label="Indexing progress" />
          )}
          {detail ? (
            <span className="index-current" title={detail}>
              {detail}
            </span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
