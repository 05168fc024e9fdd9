import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { formatNumber } from '../../app/format';
import { useApiEvent } from '../../app/useApiEvent';
import type { useFolders } from './useFolders';

type Folders = ReturnType<typeof useFolders>;

/** Add a folder by its path, remove one, rescan them all; the bundled articles stay. */
export function FolderManager({ folders }: { folders: Folders }) {
  const [isAdding, setAdding] = useState(false);
  const [path, setPath] = useState('');
  const [isBusy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const userFolders = folders.folders.filter((f) => !f.isBundled);

  const startAdding = () => {
    setAdding(true);
    folders.dismissMessage();
    requestAnimationFrame(() => inputRef.current?.focus());
  };
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'add-folder') startAdding();
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

  return (
    <div className="folders">
      {userFolders.length > 0 ? (
        <ul className="folder-list" aria-label="Folders">
          {userFolders.map((f, i) => (
            <li key={f.key} className="folder-item">
              <Icon name="folder" size={16} />
              <span className="folder-root" id={`${fieldId}-folder-${i}`} title={f.root}>
                {f.root}
              </span>
              <span className="folder-count">{formatNumber(f.articles)}</span>
              <IconButton
                icon="trash"
                label="Remove folder"
                aria-describedby={`${fieldId}-folder-${i}`}
                onClick={() => void folders.remove(f.key)}
              />
            </li>
          ))}
        </ul>
      ) : null}
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
      {folders.message ? (
        <p className={`folder-message is-${folders.message.tone}`} role={folders.message.tone === 'error' ? 'alert' : 'status'}>
          {folders.message.text}
        </p>
      ) : null}
      <div className="folder-actions">
        <Button variant="quiet" onClick={startAdding} aria-expanded={isAdding}>
          <Icon name="plus" size={16} />
          Add folder…
        </Button>
        <Button variant="quiet" onClick={() => void folders.rescan()}>
          <Icon name="refresh" size={16} />
          Rescan
        </Button>
      </div>
    </div>
  );
}
