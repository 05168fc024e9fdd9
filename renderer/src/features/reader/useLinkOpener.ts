import { useCallback, useState } from 'react';
import { api, isDesktop } from '../../api';
import type { LinkKind } from './links';

/**
 * What happens when a link in an article is followed: a fragment scrolls to the block or heading it
 * names; a relative link opens the article it points to; an external one waits for confirmation (the full URL is shown) and then opens in
 * the system browser (or, in serve mode, a new tab without opener or referrer).
 */
export function useLinkOpener(
  articleId: string,
  onOpenArticle: (id: string) => void,
  targetOfFragment: (fragment: string) => HTMLElement | null,
) {
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const onLink = useCallback(
    (href: string, kind: LinkKind) => {
      setMessage(null);
      if (kind === 'external') setPendingUrl(href.trim());
      else if (kind === 'fragment') targetOfFragment(href.slice(1))?.scrollIntoView({ block: 'start' });
      else if (kind === 'relative') {
        void api['article.resolveLink']({ id: articleId, href }).then((r) => {
          if (!r.ok) setMessage(`The link could not be followed: ${r.error.message}`);
          else if (r.value) onOpenArticle(r.value.id);
          else setMessage(`“${href}” is not an article in your library.`);
        });
      }
    },
    [articleId, onOpenArticle, targetOfFragment],
  );

  const confirm = useCallback(() => {
    const url = pendingUrl;
    setPendingUrl(null);
    if (!url) return;
    void api['link.open']({ url }).then((r) => {
      if (!r.ok) setMessage(r.error.message);
      else if (r.value.opened) return;
      else if (!isDesktop) window.open(url, '_blank', 'noopener,noreferrer');
      else setMessage(`Your browser could not be started for ${url}.`);
    });
  }, [pendingUrl]);

  return { onLink, pendingUrl, confirm, cancel: () => setPendingUrl(null), message, dismissMessage: () => setMessage(null) };
}
