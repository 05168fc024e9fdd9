import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { createLatestGate } from '../search/latest';
import type { useHitNavigation } from './useHitNavigation';

type Hits = ReturnType<typeof useHitNavigation>;

/** Find in article (Ctrl/Cmd+F): the text typed in the find bar, looked up by main, shown as hits. */
export function useFindInArticle(articleId: string, hits: Hits) {
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [gate] = useState(createLatestGate);
  const { show, clear, clearFind } = hits;

  useEffect(() => {
    if (!isOpen) return;
    const ticket = gate.next();
    const t = text.trim();
    if (t === '') {
      clearFind();
      setError(null);
      return;
    }
    const timer = setTimeout(() => {
      void api['article.find']({ id: articleId, text: t }).then((r) => {
        if (!gate.isLatest(ticket)) return;
        setError(r.ok ? null : r.error.message);
        show('find', r.ok ? r.value : []);
      });
    }, 80);
    return () => clearTimeout(timer);
  }, [isOpen, text, articleId, gate, show, clearFind]);

  const open = useCallback(() => {
    setOpen(true);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }, []);
  const close = useCallback(() => {
    gate.next();
    setOpen(false);
    setError(null);
    clear();
  }, [gate, clear]);

  return { isOpen, text, setText, error, open, close, inputRef };
}
