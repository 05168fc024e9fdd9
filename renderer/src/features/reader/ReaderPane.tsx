import { useEffect, useRef, useState } from 'react';
import { IconButton } from '../../components/IconButton';
import type { Article, Settings } from '../../../../common/contract';
import { useApiEvent } from '../../app/useApiEvent';
import type { ReaderEntry } from '../../app/useReaderHistory';
import type { ReaderPanel } from './ArticleReader';
import { EmptyReader } from './EmptyReader';
import { ReaderToolbar } from './ReaderToolbar';
import { ReaderView } from './ReaderView';
import './ReaderPane.css';

interface Props {
  entry: ReaderEntry | null;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  isLibraryHidden: boolean;
  onToggleLibrary: () => void;
  isFocusMode: boolean;
  onFocusMode: (on: boolean) => void;
  canGoBack: boolean;
  canGoForward: boolean;
  onBack: () => void;
  onForward: () => void;
  onOpenArticle: (id: string) => void;
  /** The folder of the article on screen (null when none is), so a removed folder can close it. */
  onArticleFolder: (folder: string | null) => void;
  onMissing: (id: string) => void;
  onProgress: (id: string, progress: number) => void;
}

/** The main landmark: the toolbar, then the open article (remounted per opening) or a welcome. */
export function ReaderPane({
  entry,
  settings,
  onSettings,
  isLibraryHidden,
  onToggleLibrary,
  isFocusMode,
  onFocusMode,
  canGoBack,
  canGoForward,
  onBack,
  onForward,
  onOpenArticle,
  onArticleFolder,
  onMissing,
  onProgress,
}: Props) {
  const mainRef = useRef<HTMLElement>(null);
  const [panel, setPanel] = useState<ReaderPanel>(null);
  const [findRequest, setFindRequest] = useState(0);
  const [article, setArticle] = useState<Article | null>(null);
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'find-in-article') setFindRequest((n) => n + 1);
  });
  const folder = entry ? (article?.folder ?? null) : null;
  useEffect(() => onArticleFolder(folder), [folder, onArticleFolder]);
  // The panels beside the text go with everything else in focus mode; the reader comes back without them.
  useEffect(() => {
    if (isFocusMode) setPanel(null);
  }, [isFocusMode]);

  return (
    <main
      ref={mainRef}
      id="reader"
      className="reader"
      aria-label="Reader"
      data-focus-mode={isFocusMode}
      // Which opening is on screen: opening the article already shown starts a new one (tests wait for it).
      data-entry={entry?.key ?? ''}
    >
      {isFocusMode ? (
        <IconButton icon="close" label="Leave focus mode" shortcut="Escape" className="leave-focus" onClick={() => onFocusMode(false)} />
      ) : null}
      <ReaderToolbar
        isHidden={isFocusMode}
        isLibraryHidden={isLibraryHidden}
        onToggleLibrary={onToggleLibrary}
        onFocusMode={() => onFocusMode(true)}
        title={article?.title ?? null}
        hasArticle={article !== null}
        original={article ? { id: article.id, url: article.originalUrl ?? null } : null}
        hasHeadings={article?.blocks.some((b) => b.type === 'heading') ?? false}
        canGoBack={canGoBack}
        canGoForward={canGoForward}
        onBack={onBack}
        onForward={onForward}
        onFind={() => setFindRequest((n) => n + 1)}
        panel={panel}
        onPanel={setPanel}
        settings={settings}
        onSettings={onSettings}
      />
      {entry ? (
        <ReaderView
          key={entry.key}
          entry={entry}
          settings={settings}
          panel={panel}
          onPanel={setPanel}
          findRequest={findRequest}
          containerRef={mainRef}
          onLoaded={setArticle}
          onMissing={onMissing}
          onOpenArticle={onOpenArticle}
          onProgress={onProgress}
        />
      ) : (
        <EmptyReader />
      )}
    </main>
  );
}
