import { useCallback, useState } from 'react';
import { api } from '../../api';
import { IconButton } from '../../components/IconButton';
import { Icon } from '../../components/Icon';
import { addFiles } from './addFiles';
import { describeAdded } from './addedMessage';
import { useFileDrop, type Dropped } from './useFileDrop';
import './FileDropTarget.css';

type Outcome = { tone: 'info' | 'error'; text: string; isDone: boolean };

/**
 * The whole window takes dropped files and folders: an outline and a line of text while they are
 * dragged over it, then what was added, said in a live region (it stays until dismissed or replaced).
 * Files are copied into the Offprint library; in the desktop app a folder becomes a watched folder.
 */
export function FileDropTarget() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const isFolderPathKnown = api.pathsOf !== undefined;
  const onDrop = useCallback(async ({ files, folders }: Dropped) => {
    const count = files.length + folders.length;
    setOutcome({ tone: 'info', text: `Adding ${count === 1 ? (files[0]?.name ?? folders[0]) : `${count} items`}…`, isDone: false });
    const r = await addFiles(files, folders);
    setOutcome({ ...(r.ok ? describeAdded(r.value) : { tone: 'error', text: r.error.message }), isDone: true });
  }, []);
  const isDragging = useFileDrop(
    useCallback((d: Dropped) => void onDrop(d), [onDrop]),
    isFolderPathKnown,
  );
  return (
    <>
      {isDragging ? (
        <div className="drop-target" data-state="dragging" aria-hidden="true">
          <div className="drop-target-card">
            <Icon name="filePlus" size={28} />
            <p>{isFolderPathKnown ? 'Drop files or folders to add them to your library' : 'Drop files to add them to your library'}</p>
          </div>
        </div>
      ) : null}
      <div
        className="drop-status"
        role={outcome?.tone === 'error' ? 'alert' : 'status'}
        data-state={outcome ? (outcome.isDone ? 'done' : 'adding') : 'idle'}
      >
        {outcome ? (
          <div className={`drop-status-card is-${outcome.tone}`}>
            <p>{outcome.text}</p>
            {outcome.isDone ? <IconButton icon="close" label="Dismiss" onClick={() => setOutcome(null)} /> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
