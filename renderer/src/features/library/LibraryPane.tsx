import { useCallback, useId, useState } from 'react';
import type { ArticleFormat, ArticleSummary, LibrarySort } from '../../../../common/contract';
import { ARTICLE_FORMATS, formatLabel } from '../../../../common/formats';
import type { LibrarySection } from '../../../../common/settings';
import { Notice } from '../../components/Notice';
import { ContinueShelf } from './ContinueShelf';
import { FolderManager } from './FolderManager';
import { ImportProblems } from './ImportProblems';
import { IndexStatusBar } from './IndexStatusBar';
import { LibraryList } from './LibraryList';
import { useContinueReading } from './useContinueReading';
import { useFolders } from './useFolders';
import { useImportProblems } from './useImportProblems';
import { useIndexStatus } from './useIndexStatus';
import { useLibraryPages } from './useLibraryPages';
import './LibraryPane.css';

interface Props {
  isHidden: boolean;
  collapsed: readonly LibrarySection[];
  onToggleSection: (section: LibrarySection) => void;
  currentId: string | null;
  /** Progress saved in this session, newer than what the library last loaded. */
  progress: ReadonlyMap<string, number>;
  onOpen: (id: string) => void;
  /** A folder was removed: what is open from it closes. */
  onFolderRemoved: (key: string) => void;
}

/** The library landmark: sort and folder filter, the shelf of articles in progress, every article, and folder upkeep. */
export function LibraryPane({ isHidden, collapsed, onToggleSection, currentId, progress, onOpen, onFolderRemoved }: Props) {
  const [sort, setSort] = useState<LibrarySort>('date');
  const [folder, setFolder] = useState<string | null>(null);
  const [format, setFormat] = useState<ArticleFormat | null>(null);
  const ids = useId();
  const library = useLibraryPages(sort, folder, format);
  const shelf = useContinueReading(currentId, progress);
  const status = useIndexStatus();
  const problems = useImportProblems();
  const folders = useFolders(
    useCallback(
      (key: string) => {
        setFolder((shown) => (shown === key ? null : shown));
        onFolderRemoved(key);
      },
      [onFolderRemoved],
    ),
  );
  const progressOf = useCallback((item: ArticleSummary) => progress.get(item.id) ?? item.progress, [progress]);

  return (
    <nav
      className="library"
      aria-label="Library"
      hidden={isHidden}
      // The sort of the rows shown: what tests (and debugging) wait for after choosing one.
      data-sort={library.sort ?? ''}
      // The format filter of the rows shown, announced as the sort is.
      data-format={library.format ?? ''}
    >
      <div className="library-head">
        <h2 className="pane-title">Library</h2>
        <div className="library-controls">
          <label className="visually-hidden" htmlFor={`${ids}-folder`}>
            Folder
          </label>
          <select id={`${ids}-folder`} className="select" value={folder ?? ''} onChange={(e) => setFolder(e.target.value || null)}>
            <option value="">All folders</option>
            {folders.folders.map((f) => (
              <option key={f.key} value={f.key}>
                {f.isBundled ? 'Bundled articles' : f.isLibrary ? 'Offprint library' : f.root}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor={`${ids}-format`}>
            Format
          </label>
          <select
            id={`${ids}-format`}
            className="select"
            value={format ?? ''}
            onChange={(e) => setFormat((e.target.value || null) as ArticleFormat | null)}
          >
            <option value="">All formats</option>
            {ARTICLE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatLabel(f)}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor={`${ids}-sort`}>
            Sort library
          </label>
          <select id={`${ids}-sort`} className="select" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
            <option value="date">Newest first</option>
            <option value="title">By title</option>
          </select>
        </div>
      </div>
      {folder === null && format === null ? (
        <ContinueShelf
          isCollapsed={collapsed.includes('continue')}
          onToggle={() => onToggleSection('continue')}
          items={shelf}
          currentId={currentId}
          progressOf={progressOf}
          onOpen={onOpen}
        />
      ) : null}
      {library.error ? <Notice tone="error">{library.error}</Notice> : null}
      {library.total === 0 ? (
        <Notice>
          <p>{format ? 'No articles of this format.' : folder ? 'This folder has no articles yet.' : 'Your library is empty.'}</p>
          <p>Add a folder of Markdown, HTML or text files below, or drop files on the window.</p>
        </Notice>
      ) : null}
      <LibraryList
        total={library.total ?? 0}
        version={library.version}
        rowAt={library.rowAt}
        ensure={library.ensure}
        currentId={currentId}
        progressOf={progressOf}
        onOpen={onOpen}
      />
      <div className="library-foot">
        <div className="library-foot-row">
          <IndexStatusBar status={status} total={library.total} />
          <ImportProblems problems={problems} />
        </div>
        <FolderManager folders={folders} isCollapsed={collapsed.includes('folders')} onToggle={() => onToggleSection('folders')} />
      </div>
    </nav>
  );
}
