import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../../common/contract';
import { formatNumber, progressLabel } from '../../app/format';
import { scrollBehavior } from '../../app/keys';
import { Button } from '../../components/Button';
import { CollapsibleSection } from '../../components/CollapsibleSection';
import { IconButton } from '../../components/IconButton';
import { nextIndex } from '../../components/listNavigation';
import { Notice } from '../../components/Notice';
import { useShelfDismissal } from './useShelfDismissal';
import './ContinueShelf.css';

interface Props {
  isCollapsed: boolean;
  onToggle: () => void;
  items: ArticleSummary[];
  currentId: string | null;
  progressOf: (item: ArticleSummary) => number | null;
  onOpen: (id: string) => void;
}

const CARDS_SHOWN = 8;

/** The shelf's keys, as the vertical lists' keys they stand for (listNavigation.ts). */
const STEP_KEYS: Partial<Record<string, string>> = { ArrowRight: 'ArrowDown', ArrowLeft: 'ArrowUp', Home: 'Home', End: 'End' };

/**
 * A shelf of the articles being read, to pick up where you left off. One tab stop: ←/→, Home and End
 * move between cards, Delete (or Backspace) or the card's × takes it off the shelf, with Undo. A card
 * that gets focus is scrolled fully into the list's view.
 */
export function ContinueShelf({ isCollapsed, onToggle, items, currentId, progressOf, onOpen }: Props) {
  const dismissal = useShelfDismissal(items);
  const shown = items.filter((a) => a.id !== currentId && !dismissal.isHidden(a.id)).slice(0, CARDS_SHOWN);
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once a dismissal or an undo has rendered: a card (by id), or the heading (null).
  const pendingFocus = useRef<{ id: string | null } | null>(null);

  // Opening an article is moving on: the offer to undo the last dismissal goes.
  const [openedId, setOpenedId] = useState(currentId);
  if (currentId !== openedId) {
    setOpenedId(currentId);
    dismissal.forget();
  }

  const cardOf = (id: string) => listRef.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"]`) ?? null;

  // A card put back by Undo may come only with the next load of the shelf: the heading holds focus
  // until then, unless the reader has moved on.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const heading = headingRef.current;
    if (document.activeElement !== heading && document.activeElement !== document.body) {
      pendingFocus.current = null;
      return;
    }
    const card = wanted.id === null ? null : cardOf(wanted.id);
    if (card || wanted.id === null) pendingFocus.current = null;
    (card ?? heading)?.focus();
  });

  if (shown.length === 0 && !dismissal.removed && !dismissal.error) return null;
  const tabbable = shown.some((a) => a.id === active) ? active : (shown[0]?.id ?? null);

  // Focus goes to the next card, or the one before, or the heading: never lost with the removed card.
  const dismiss = (index: number) => {
    const next = shown[index + 1] ?? shown[index - 1] ?? null;
    pendingFocus.current = { id: next?.id ?? null };
    if (next) setActive(next.id);
    dismissal.dismiss(shown[index]!);
  };

  // The message's buttons go with it: focus returns to the shelf.
  const undo = () => {
    pendingFocus.current = { id: dismissal.removed?.id ?? null };
    void dismissal.undo();
  };
  const closeMessage = () => {
    pendingFocus.current = { id: tabbable };
    dismissal.forget();
  };

  const onCardKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      dismiss(index);
      return;
    }
    const key = STEP_KEYS[e.key];
    const next = key ? nextIndex(key, index, shown.length) : null;
    if (next === null) return;
    e.preventDefault();
    cardOf(shown[next]!.id)?.focus();
  };

  return (
    <CollapsibleSection
      className="continue"
      title="Continue reading"
      count={isCollapsed && shown.length > 0 ? formatNumber(shown.length) : undefined}
      isCollapsed={isCollapsed}
      onToggle={onToggle}
      toggleRef={headingRef}
    >
      {shown.length > 0 ? (
        <ul className="continue-list" ref={listRef}>
          {shown.map((a, i) => {
            const progress = progressOf(a) ?? 0;
            const tabIndex = a.id === tabbable ? 0 : -1;
            return (
              <li
                key={a.id}
                // Focus (Tab, arrows, after a dismissal) brings the whole card into the list's view, not only its edge.
                onFocus={(e) => e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: scrollBehavior() })}
              >
                <button
                  type="button"
                  className="continue-card"
                  data-card={a.id}
                  tabIndex={tabIndex}
                  aria-keyshortcuts="Delete"
                  onClick={() => onOpen(a.id)}
                  onFocus={() => setActive(a.id)}
                  onKeyDown={(e) => onCardKey(e, i)}
                >
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
                <IconButton
                  icon="close"
                  label={`Remove “${a.title}” from Continue reading`}
                  className="continue-dismiss"
                  tabIndex={tabIndex}
                  onClick={() => dismiss(i)}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {dismissal.removed ? (
        <div className="continue-undo" role="status">
          <span className="continue-undo-text">
            Removed “<span dir="auto">{dismissal.removed.title}</span>”.
          </span>
          <Button variant="quiet" onClick={undo}>
            Undo
          </Button>
          <IconButton icon="close" label="Dismiss" onClick={closeMessage} />
        </div>
      ) : null}
      {dismissal.error ? <Notice tone="error">{dismissal.error}</Notice> : null}
    </CollapsibleSection>
  );
}
