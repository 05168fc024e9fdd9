import { useId } from 'react';
import type { ImportProblem } from '../../../../common/contract';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import { useApiEvent } from '../../app/useApiEvent';
import { formatCount, formatNumber } from '../../app/format';

/** A button that shows how many files could not be imported, and a panel that says why. */
export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const popover = usePopover();
  const panelId = useId();
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'show-problems') popover.setOpen(true);
  });
  if (problems.length === 0 && !popover.isOpen) return null;
  return (
    <div className="import-problems">
      <button
        ref={popover.buttonRef}
        type="button"
        className="problems-button"
        aria-expanded={popover.isOpen}
        aria-controls={panelId}
        onClick={popover.toggle}
      >
        <Icon name="alert" size={16} />
        <span>Import problems ({formatNumber(problems.length)})</span>
      </button>
      <div
        ref={popover.panelRef}
        id={panelId}
        className="popover problems-panel"
        role="region"
        aria-label="Import problems"
        hidden={!popover.isOpen}
      >
        <h2 className="section-heading">{formatCount(problems.length, 'file')} could not be imported</h2>
        {problems.length === 0 ? (
          <p className="problems-empty">Every file was imported.</p>
        ) : (
          <ul className="problems-list">
            {problems.map((p) => (
              <li key={`${p.folder}\u0000${p.path}`}>
                <span className="problem-path" title={p.path}>
                  {p.path}
                </span>
                <span className="problem-reason">{p.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
