import type { Settings } from '../../../../common/contract';
import { IconButton } from '../../components/IconButton';
import { ReadingSettings } from '../settings/ReadingSettings';
import type { ReaderPanel } from './ArticleReader';

interface Props {
  title: string | null;
  hasArticle: boolean;
  hasHeadings: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  onBack: () => void;
  onForward: () => void;
  onFind: () => void;
  panel: ReaderPanel;
  onPanel: (panel: ReaderPanel) => void;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
}

/** The reader's toolbar: history on the left, find, contents, highlights and reading settings on the right. */
export function ReaderToolbar({
  title,
  hasArticle,
  hasHeadings,
  canGoBack,
  canGoForward,
  onBack,
  onForward,
  onFind,
  panel,
  onPanel,
  settings,
  onSettings,
}: Props) {
  const toggle = (p: Exclude<ReaderPanel, null>) => onPanel(panel === p ? null : p);
  return (
    <div className="reader-toolbar">
      <div className="toolbar-group">
        <IconButton icon="back" label="Back" shortcut="Alt+ArrowLeft" disabled={!canGoBack} onClick={onBack} />
        <IconButton icon="forward" label="Forward" shortcut="Alt+ArrowRight" disabled={!canGoForward} onClick={onForward} />
      </div>
      {/* A reminder of what is open once its heading has scrolled away; the article itself carries the name. */}
      <span className="toolbar-title" aria-hidden="true" dir="auto">
        {title}
      </span>
      <div className="toolbar-group">
        {hasArticle ? (
          <>
            <IconButton icon="search" label="Find" shortcut="Control+F" onClick={onFind} />
            {hasHeadings ? (
              <IconButton icon="contents" label="Contents" aria-pressed={panel === 'contents'} onClick={() => toggle('contents')} />
            ) : null}
            <IconButton icon="highlight" label="Highlights" aria-pressed={panel === 'highlights'} onClick={() => toggle('highlights')} />
          </>
        ) : null}
        <ReadingSettings settings={settings} onChange={onSettings} />
      </div>
    </div>
  );
}
