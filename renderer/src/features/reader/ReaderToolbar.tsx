import type { Settings } from '../../../../common/contract';
import { IconButton } from '../../components/IconButton';
import { ReadingSettings } from '../settings/ReadingSettings';
import type { ReaderPanel } from './ArticleReader';
import { OpenOriginal } from './OpenOriginal';

interface Props {
  /** In focus mode: hidden, with everything else but the article. */
  isHidden: boolean;
  isLibraryHidden: boolean;
  onToggleLibrary: () => void;
  onFocusMode: () => void;
  title: string | null;
  hasArticle: boolean;
  /** The open article's id, and in serve mode the URL that downloads its file ("Open original"). */
  original: { id: string; url: string | null } | null;
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

/** The reader's toolbar: the library toggle and history on the left; find, contents, highlights, focus mode and reading settings on the right. */
export function ReaderToolbar({
  isHidden,
  isLibraryHidden,
  onToggleLibrary,
  onFocusMode,
  title,
  hasArticle,
  original,
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
    <div className="reader-toolbar" hidden={isHidden}>
      <div className="toolbar-group">
        <IconButton
          icon="sidebar"
          label={isLibraryHidden ? 'Show library' : 'Hide library'}
          shortcut="Control+B"
          aria-controls="sidebar"
          aria-expanded={!isLibraryHidden}
          onClick={onToggleLibrary}
        />
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
            <IconButton icon="focus" label="Focus mode" shortcut="F" onClick={onFocusMode} />
            {original ? <OpenOriginal key={original.id} id={original.id} url={original.url} /> : null}
          </>
        ) : null}
        <ReadingSettings settings={settings} onChange={onSettings} />
      </div>
    </div>
  );
}
