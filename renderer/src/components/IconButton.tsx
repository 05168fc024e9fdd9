import type { ButtonHTMLAttributes, Ref } from 'react';
import { Icon, type IconName } from './Icon';
import './IconButton.css';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  icon: IconName;
  /** The accessible name; also shown as a tooltip. */
  label: string;
  /** Shown beside the icon; without it the button is icon-only and named by aria-label. */
  text?: string;
  shortcut?: string;
  ref?: Ref<HTMLButtonElement>;
}

/** A toolbar button with an icon, a name for assistive technology and an optional visible label. */
export function IconButton({ icon, label, text, shortcut, className, ...rest }: Props) {
  return (
    <button
      type="button"
      className={`icon-button${text ? ' has-text' : ''}${className ? ` ${className}` : ''}`}
      aria-label={text ? undefined : label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut}
      {...rest}
    >
      <Icon name={icon} />
      {text ? <span>{text}</span> : null}
    </button>
  );
}
