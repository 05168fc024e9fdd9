import { useEffect, useState } from 'react';
import type { Highlight } from '../../../../common/contract';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { Notice } from '../../components/Notice';
import { downloadText } from './downloadText';
import { HighlightItem } from './HighlightItem';
import { UndoRemoval } from './UndoRemoval';
import type { useHighlights } from './useHighlights';
import './HighlightsPanel.css';

interface Props {
  highlights: ReturnType<typeof useHighlights>;
  focusedHid: string | null;
  onGo: (h: Highlight) => void;
  onOpenArticle: (id: string) => void;
  onClose: () => void;
}

/** Highlights and notes: this article's, or the whole library's, with export as Markdown or JSON. */
export function HighlightsPanel({ highlights, focusedHid, onGo, onOpenArticle, onClose }: Props) {
  const [scope, setScope] = useState<'article' | 'all'>('article');
  const [all, setAll] = useState<Highlight[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (scope !== 'all') return;
    let isLive = true;
    void api['highlights.list']({}).then((r) => {
      if (!isLive) return;
      if (r.ok) setAll(r.value);
      else setError(r.error.message);
    });
    return () => {
      isLive = false;
    };
  }, [scope, highlights.list]);

  const exportAs = async (format: 'markdown' | 'json') => {
    const r = await api['highlights.export']({ format });
    if (!r.ok) return setError(`Export failed: ${r.error.message}`);
    downloadText(r.value.filename, r.value.text, format === 'json' ? 'application/json' : 'text/markdown');
  };

  const list = scope === 'article' ? highlights.list : (all ?? []);
  return (
    <section className="side-panel highlights-panel" aria-label="Highlights">
      <div className="panel-head">
        <div className="panel-title-row">
          <h2 className="section-heading">Highlights</h2>
          <IconButton icon="close" label="Close highlights" onClick={onClose} />
        </div>
        <div className="sort-toggle" role="group" aria-label="Show highlights from">
          <button type="button" aria-pressed={scope === 'article'} onClick={() => setScope('article')}>
            This article
          </button>
          <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
            All articles
          </button>
        </div>
      </div>
      {highlights.error || error ? <Notice tone="error">{highlights.error ?? error}</Notice> : null}
      {highlights.removed ? <UndoRemoval onUndo={() => void highlights.undoRemove()} onDismiss={highlights.dismissRemoved} /> : null}
      {list.length === 0 ? (
        <p className="panel-empty">
          {scope === 'article' ? 'Select text in the article and choose Highlight (or press H) to keep it here.' : 'No highlights yet.'}
        </p>
      ) : (
        <ul className="hl-list" aria-label={scope === 'article' ? 'Highlights in this article' : 'All highlights'}>
          {list.map((h) => (
            <HighlightItem
              key={h.hid}
              highlight={h}
              showTitle={scope === 'all'}
              isFocused={h.hid === focusedHid}
              onGo={scope === 'article' ? onGo : (x) => onOpenArticle(x.id)}
              onSaveNote={highlights.update}
              onRemove={(x) => void highlights.remove(x).then(() => setAll((a) => a?.filter((y) => y.hid !== x.hid) ?? a))}
            />
          ))}
        </ul>
      )}
      <div className="panel-foot">
        <Button variant="quiet" onClick={() => void exportAs('markdown')}>
          <Icon name="download" size={16} />
          Export Markdown
        </Button>
        <Button variant="quiet" onClick={() => void exportAs('json')}>
          <Icon name="download" size={16} />
          Export JSON
        </Button>
      </div>
    </section>
  );
}
