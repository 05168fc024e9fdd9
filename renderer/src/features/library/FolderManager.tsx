import { useId, useRef, useState, type FormEvent } from 'react';
import { formatNumber } from '../../app/format';
import { Button } from '../../components/Button';
import { CollapsibleSection } from '../../components/CollapsibleSection';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { useApiEvent } from '../../app/useApiEvent';
import type { Folder } from '../../../../common/contract';
import { RemoveFolderDialog } from './RemoveFolderDialog';
import type { useFolders } from './useFolders';
import { useAddFiles } from './useAddFiles';

type Folders = ReturnType<typeof useFolders>;

/** Add a folder by its path, remove one (asked first, with undo), rescan them all; the bundled articles stay. */
export function FolderManager({ folders, isCollapsed, onToggle }: { folders: Folders; isCollapsed: boolean; onToggle: () => void }) {
  const [isAdding, setAdding] = useState(false);
  const [path, setPath] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Folder | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const userFolders = folders.folders.filter((f) => !f.isBundled);
  const addFiles = useAddFiles(folders.show);

  const startAdding = () => {
    setAdding(true);
    folders.dismissMessage();
    requestAnimationFrame(() => inputRef.current?.focus());
  };
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'add-folder') startAdding();
    else if (command === 'add-files') void addFiles.choose();
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '') return;
    setBusy(true);
    const isAdded = await folders.add(path.trim());
    setBusy(false);
    if (isAdded) {
      setAdding(false);
      setPath('');
    }
  };

  const actions = (
    <>
      <IconButton icon="plus" label="Add folder…" aria-expanded={isAdding} onClick={startAdding} />
      <IconButton icon="filePlus" label="Add files…" aria-busy={addFiles.isBusy} onClick={() => void addFiles.choose()} />
      <IconButton icon="refresh" label="Rescan" onClick={() => void folders.rescan()} />
    </>
  );
  return (
    <div className="folders">
      <CollapsibleSection
        title="Folders"
        count={userFolders.length > 0 ? formatNumber(userFolders.length) : undefined}
        // Adding shows its form in the section, so the section opens for it.
        isCollapsed={isCollapsed && !isAdding}
        onToggle={onToggle}
        actions={actions}
      >
        {userFolders.length > 0 ? (
          <ul className="folder-list" aria-label="Folders">
            {userFolders.map((f, i) => (
              <li key={f.key} className="folder-item">
                <Icon name="folder" size={16} />
                <span className="folder-root" id={`${fieldId}-folder-${i}`} title={f.root}>
                  {f.isLibrary ? 'Offprint library' : f.root}
                </span>
                <span className="folder-count">{formatNumber(f.articles)}</span>
                <IconButton icon="trash" label="Remove folder" aria-describedby={`${fieldId}-folder-${i}`} onClick={() => setRemoving(f)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="folders-empty">Only the bundled articles so far. Add a folder of Markdown, HTML or text files, or single files.</p>
        )}
        {isAdding ? (
          <form className="add-folder" onSubmit={(e) => void submit(e)}>
            <label htmlFor={fieldId}>Folder path</label>
            <div className="add-folder-row">
              <input
                ref={inputRef}
                id={fieldId}
                type="text"
                value={path}
                spellCheck={false}
                autoComplete="off"
                placeholder="/home/you/Articles"
                onChange={(e) => setPath(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setAdding(false);
                }}
              />
              <button type="submit" className="button button-primary" disabled={isBusy || path.trim() === ''}>
                Add
              </button>
              <Button variant="quiet" onClick={() => setAdding(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
      </CollapsibleSection>
      {/* Outside the section: what an add, a rescan or a removal did is said even while it is folded. */}
      {folders.message ? (
        <p className={`folder-message is-${folders.message.tone}`} role={folders.message.tone === 'error' ? 'alert' : 'status'}>
          {folders.message.text}
          {folders.message.undo ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={folders.message.undo}>
                Undo
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {/* Serve mode's picker ("Add files…" clicks it); the desktop app opens its own dialog instead. */}
      <input
        ref={addFiles.inputRef}
        type="file"
        multiple
        accept={addFiles.accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => addFiles.onPicked(e.currentTarget)}
      />
      <RemoveFolderDialog
        folder={removing}
        onCancel={() => setRemoving(null)}
        onConfirm={(f) => {
          setRemoving(null);
          void folders.remove(f);
        }}
      />
    </div>
  );
}
