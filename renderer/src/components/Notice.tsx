import type { ReactNode } from 'react';
import { Icon } from './Icon';
import './Notice.css';

/** A message that explains a state: an error (announced at once) or a hint. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <Icon name={tone === 'error' ? 'alert' : 'info'} />
      <div>{children}</div>
    </div>
  );
}
