import { useCallback, useRef, useState } from 'react';
import { READABLE_EXTENSIONS } from '../../../../common/formats';
import { api } from '../../api';
import { addFiles } from './addFiles';
import { describeAdded } from './addedMessage';
import type { FolderMessage } from './useFolders';

/** The extensions the picker offers (main/library/import/formats.ts decides; this only narrows the dialog). */
const ACCEPT = READABLE_EXTENSIONS.join(',');

/**
 * "Add files…": the desktop app's own dialog (files.choose, in main), or in serve mode the page's file
 * input, whose files are uploaded. What it did is said through `show` (the folders' message).
 */
export function useAddFiles(show: (message: FolderMessage | null) => void) {
  const [isBusy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const choose = useCallback(async () => {
    if (!api.pathsOf) {
      inputRef.current?.click();
      return;
    }
    setBusy(true);
    const r = await api['files.choose']({});
    setBusy(false);
    if (!r.ok) show({ tone: 'error', text: r.error.message });
    else if (r.value) show(describeAdded(r.value));
  }, [show]);

  const onPicked = useCallback(
    async (input: HTMLInputElement) => {
      const files = [...(input.files ?? [])];
      // Cleared, so picking the same file again fires a change too.
      input.value = '';
      if (files.length === 0) return;
      setBusy(true);
      show({ tone: 'info', text: `Adding ${files.length === 1 ? files[0]!.name : `${files.length} files`}…` });
      const r = await addFiles(files);
      setBusy(false);
      show(r.ok ? describeAdded(r.value) : { tone: 'error', text: r.error.message });
    },
    [show],
  );

  return { isBusy, choose, inputRef, accept: ACCEPT, onPicked: (input: HTMLInputElement) => void onPicked(input) };
}
