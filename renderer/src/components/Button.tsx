import type { ButtonHTMLAttributes } from 'react';
import './Button.css';

/** A text button; `variant` picks the emphasis. */
export function Button({
  variant = 'secondary',
  className,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { variant?: 'primary' | 'secondary' | 'quiet' | 'danger' }) {
  return <button type="button" className={`button button-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}
