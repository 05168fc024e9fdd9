import type { KeyboardEvent, Ref } from 'react';
import { Icon } from '../../components/Icon';

interface Props {
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  controls: string | undefined;
  activeDescendant: string | undefined;
}

/** The one search field: a plain searchbox named "Search" (/ or Ctrl+K focuses it). */
export function SearchBox({ ref, value, onChange, onKeyDown, controls, activeDescendant }: Props) {
  return (
    <div className="search-box">
      <Icon name="search" />
      <input
        ref={ref}
        type="search"
        aria-label="Search"
        aria-controls={controls}
        aria-activedescendant={activeDescendant}
        aria-keyshortcuts="/ Control+K Meta+K"
        placeholder="Search articles and highlights"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {value === '' ? (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      ) : null}
    </div>
  );
}
