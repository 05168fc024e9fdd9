import { useId, type ReactNode, type Ref } from 'react';
import { Icon } from './Icon';
import './CollapsibleSection.css';

interface Props {
  title: string;
  /** Shown after the title, e.g. how many items the section holds. */
  count?: string | undefined;
  isCollapsed: boolean;
  onToggle: () => void;
  /** Controls on the heading's row: they stay reachable while the section is collapsed. */
  actions?: ReactNode;
  className?: string;
  /** The heading's button: somewhere to put focus that belongs to the section (after its last item went). */
  toggleRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}

/**
 * A titled region whose body folds away: the heading is a disclosure button (aria-expanded), so the
 * region keeps its name and the keyboard path is Tab then Enter or Space.
 */
export function CollapsibleSection({ title, count, isCollapsed, onToggle, actions, className, toggleRef, children }: Props) {
  const ids = useId();
  return (
    <section className={`collapsible${className ? ` ${className}` : ''}`} aria-labelledby={`${ids}-title`}>
      <div className="collapsible-head">
        <h2 className="section-heading collapsible-heading">
          <button
            ref={toggleRef}
            type="button"
            className="collapsible-toggle"
            aria-expanded={!isCollapsed}
            aria-controls={`${ids}-body`}
            onClick={onToggle}
          >
            <Icon name={isCollapsed ? 'forward' : 'down'} size={14} />
            <span id={`${ids}-title`}>{title}</span>
            {count ? <span className="collapsible-count">{count}</span> : null}
          </button>
        </h2>
        {actions ? <div className="collapsible-actions">{actions}</div> : null}
      </div>
      <div id={`${ids}-body`} className="collapsible-body" hidden={isCollapsed}>
        {children}
      </div>
    </section>
  );
}
