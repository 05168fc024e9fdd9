import type { FilesAdded, Result } from '../../../../common/contract';
import { api } from '../../api';
import { mergeAdded, NONE } from './addedMessage';

/** What serve mode says of a dropped folder: a browser page cannot hand over a folder's path. */
export const FOLDER_UPLOAD_REASON =
  'Folders cannot be uploaded from the browser: add it with “Add folder…” (its path on this machine), or drop the files inside it.';

/**
 * Brings picked or dropped files in. The desktop app sends their paths (the preload reads them; main
 * checks each again, and adds a folder as a watched folder); serve mode uploads each file's bytes,
 * one at a time. `folders` names dropped folders serve mode cannot take; they are refused with a reason.
 */
export async function addFiles(files: readonly File[], folders: readonly string[] = []): Promise<Result<FilesAdded>> {
  if (api.pathsOf) {
    const paths = api.pathsOf(files).filter((p) => p !== '');
    if (paths.length === 0)
      return { ok: false, error: { code: 'bad-request', message: 'Nothing that was dropped is a file or folder on this computer.' } };
    return api['files.add']({ paths });
  }
  let added: FilesAdded = { ...NONE, refused: folders.map((name) => ({ name, reason: FOLDER_UPLOAD_REASON })) };
  for (const file of files) {
    const r = api.upload ? await api.upload(file, file.name) : null;
    if (!r) return { ok: false, error: { code: 'unavailable', message: 'Files cannot be added here.' } };
    added = r.ok ? mergeAdded(added, r.value) : mergeAdded(added, { ...NONE, refused: [{ name: file.name, reason: r.error.message }] });
  }
  return { ok: true, value: added };
}
