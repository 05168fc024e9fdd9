import type { MouseEvent, ReactNode } from 'react';
import { classifyHref, type LinkKind } from './links';

interface Props {
  href: string;
  onLink: (href: string, kind: LinkKind) => void;
  children: ReactNode;
}

/**
 * A link in an article. It never navigates by itself: relative links open the article they
 * point to, external ones ask first, and any other scheme is shown as plain text.
 */
export function ArticleLink({ href, onLink, children }: Props) {
  const kind = classifyHref(href);
  if (kind === 'blocked') {
    return (
      <span className="link-blocked" title="This link uses a scheme Offprint does not open">
        {children}
      </span>
    );
  }
  const follow = (e: MouseEvent) => {
    e.preventDefault();
    onLink(href, kind);
  };
  return (
    <a
      href={href.trim()}
      className={`link link-${kind}`}
      rel={kind === 'external' ? 'noopener noreferrer' : undefined}
      onClick={follow}
      onAuxClick={(e) => e.preventDefault()}
      title={kind === 'external' ? href : undefined}
    >
      {children}
    </a>
  );
}
