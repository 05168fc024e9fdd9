import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useApiEvent } from './app/useApiEvent';
import { hasModifier, isEditableTarget } from './app/keys';
import { useFocusMode } from './app/useFocusMode';
import { useReaderHistory } from './app/useReaderHistory';
import { Notice } from './components/Notice';
import { Splitter } from './components/Splitter';
import { FileDropTarget } from './features/library/FileDropTarget';
import { LibraryPane } from './features/library/LibraryPane';
import { ReaderPane } from './features/reader/ReaderPane';
import { SearchPanel } from './features/search/SearchPanel';
import { PANE_WIDTH } from '../../common/settings';
import { clampPaneWidth, maxPaneWidth } from './features/settings/readingMeasures';
import { DEFAULT_SETTINGS, type LibrarySection } from '../../common/settings';
import { useSettings } from './features/settings/useSettings';
import './App.css';

/** The window: library and search beside the reader, with a splitter between them. */
export function App() {
  const { settings, update, error, clearError } = useSettings();
  const history = useReaderHistory();
  const [query, setQuery] = useState('');
  const [progress, setProgress] = useState<ReadonlyMap<string, number>>(new Map());
  const [viewport, setViewport] = useState(() => window.innerWidth);
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const { open, close, back, forward } = history;
  const focus = useFocusMode();
  const isLibraryHidden = settings?.isLibraryHidden ?? false;
  const toggleLibrary = useCallback(() => update({ isLibraryHidden: !isLibraryHidden }), [update, isLibraryHidden]);
  const collapsed = settings?.collapsedSections ?? DEFAULT_SETTINGS.collapsedSections;
  const toggleSection = useCallback(
    (section: LibrarySection) =>
      update({ collapsedSections: collapsed.includes(section) ? collapsed.filter((s) => s !== section) : [...collapsed, section] }),
    [update, collapsed],
  );

  // Reopen the last article once the settings say which it was.
  const hasRestored = useRef(false);
  useEffect(() => {
    if (!settings || hasRestored.current) return;
    hasRestored.current = true;
    if (settings.lastArticle) open(settings.lastArticle);
  }, [settings, open]);

  const currentId = history.current?.id ?? null;
  useEffect(() => {
    if (currentId && hasRestored.current) update({ lastArticle: currentId });
  }, [currentId, update]);

  useEffect(() => {
    const onResize = () => setViewport(window.innerWidth);
    const onKey = (e: KeyboardEvent) => {
      // Ctrl/Cmd+B shows and hides the library, as a side bar does in an editor.
      if (hasModifier(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'b') {
        e.preventDefault();
        toggleLibrary();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isEditableTarget(e.target)) return;
      if (e.key === 'ArrowLeft') back();
      else if (e.key === 'ArrowRight') forward();
      else return;
      e.preventDefault();
    };
    window.addEventListener('resize', onResize);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('resize', onResize);
      window.removeEventListener('keydown', onKey);
    };
  }, [back, forward, toggleLibrary]);
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'back') back();
    else if (command === 'forward') forward();
    else if (command === 'toggle-library') toggleLibrary();
    else if (command === 'focus-mode') focus.toggle();
  });
  // An offprint:// link or a second launch named an article (main checked the request: main/electron/launchRequest.ts).
  useApiEvent('launch.command', ({ id }) => open(id));

  const onProgress = useCallback((id: string, p: number) => setProgress((m) => new Map(m).set(id, p)), []);
  const onMissing = useCallback(
    (id: string) => {
      if (settings?.lastArticle === id) update({ lastArticle: null });
    },
    [settings?.lastArticle, update],
  );
  const openFromLibrary = useCallback((id: string) => open(id), [open]);
  // What belonged to a removed folder leaves the screen with it: the article open from it closes.
  const openFolder = useRef<string | null>(null);
  const onArticleFolder = useCallback((folder: string | null) => {
    openFolder.current = folder;
  }, []);
  const onFolderRemoved = useCallback(
    (key: string) => {
      if (openFolder.current !== key) return;
      close();
      update({ lastArticle: null });
    },
    [close, update],
  );

  const shown = settings ?? DEFAULT_SETTINGS;
  const paneWidth = clampPaneWidth(dragWidth ?? shown.paneWidth, viewport);
  const style = { '--pane-width': `${paneWidth}px` } as CSSProperties;
  const isSidebarShown = !isLibraryHidden && !focus.isOn;

  return (
    <div className="app" style={style} data-sidebar={isSidebarShown ? 'shown' : 'hidden'}>
      <div className="sidebar" id="sidebar" hidden={!isSidebarShown}>
        <SearchPanel query={query} onQueryChange={setQuery} onOpen={open} openId={currentId} />
        <LibraryPane
          isHidden={query.trim() !== ''}
          collapsed={collapsed}
          onToggleSection={toggleSection}
          currentId={currentId}
          progress={progress}
          onOpen={openFromLibrary}
          onFolderRemoved={onFolderRemoved}
        />
      </div>
      {isSidebarShown ? (
        <Splitter
          value={paneWidth}
          min={PANE_WIDTH.min}
          max={maxPaneWidth(viewport)}
          step={PANE_WIDTH.step}
          label="Resize library"
          controls="sidebar"
          onChange={setDragWidth}
          onCommit={(w) => {
            update({ paneWidth: w });
            setDragWidth(null);
          }}
          onCollapse={() => {
            setDragWidth(null);
            update({ isLibraryHidden: true });
          }}
        />
      ) : null}
      <div className="reader-column">
        {error ? (
          <div className="app-error">
            <Notice tone="error">
              <p>{error}</p>
            </Notice>
            <button type="button" className="link-button" onClick={clearError}>
              Dismiss
            </button>
          </div>
        ) : null}
        {settings ? (
          <ReaderPane
            entry={history.current}
            settings={settings}
            onSettings={update}
            isLibraryHidden={isLibraryHidden}
            onToggleLibrary={toggleLibrary}
            isFocusMode={focus.isOn}
            onFocusMode={focus.set}
            canGoBack={history.canGoBack}
            canGoForward={history.canGoForward}
            onBack={back}
            onForward={forward}
            onOpenArticle={openFromLibrary}
            onArticleFolder={onArticleFolder}
            onMissing={onMissing}
            onProgress={onProgress}
          />
        ) : (
          <main className="reader" aria-label="Reader" aria-busy="true" />
        )}
      </div>
      <FileDropTarget />
    </div>
  );
}
