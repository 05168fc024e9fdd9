import type { Folder } from '../../../../common/contract';
import { formatCount } from '../../app/format';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

/** Asks before a folder leaves the library, saying how many articles go with it and what stays. */
export function RemoveFolderDialog({
  folder,
  onConfirm,
  onCancel,
}: {
  folder: Folder | null;
  onConfirm: (folder: Folder) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog isOpen={folder !== null} title="Remove this folder from the library?" onClose={onCancel}>
      {folder ? (
        <>
          <p className="dialog-url">
            <code>{folder.root}</code>
          </p>
          <p className="dialog-text">
            {formatCount(folder.articles, 'article')} will leave the library and search. The files on disk are not touched, and your
            highlights and reading positions are kept: they come back if you add the folder again.
          </p>
          <div className="dialog-actions">
            <Button variant="secondary" autoFocus onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => onConfirm(folder)}>
              Remove {formatCount(folder.articles, 'article')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
