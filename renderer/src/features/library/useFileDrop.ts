import { useEffect, useState } from 'react';

/** What was dropped: its files, and (serve mode only, where a folder has no path) the names of its folders. */
export interface Dropped {
  files: File[];
  folders: string[];
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Splits a drop into files and folders; folders stay among the files where `isFolderPathKnown` (the desktop app). */
function droppedOf(data: DataTransfer, isFolderPathKnown: boolean): Dropped {
  const files = [...data.files];
  if (isFolderPathKnown) return { files, folders: [] };
  const items = [...data.items].filter((i) => i.kind === 'file');
  const folders = new Set(items.filter((i) => i.webkitGetAsEntry()?.isDirectory).map((i) => i.getAsFile()?.name ?? ''));
  return { files: files.filter((f) => !folders.has(f.name)), folders: [...folders].filter((n) => n !== '') };
}

/**
 * Files dragged over the window, anywhere: `isDragging` while they are (a drag leaving a child fires
 * dragleave too, so enters and leaves are counted), and `onDrop` with what was let go. The page takes
 * the drop itself, so the window never navigates to a dropped file.
 */
export function useFileDrop(onDrop: (dropped: Dropped) => void, isFolderPathKnown: boolean): boolean {
  const [isDragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const dropped = droppedOf(e.dataTransfer, isFolderPathKnown);
      if (dropped.files.length + dropped.folders.length > 0) onDrop(dropped);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop, isFolderPathKnown]);
  return isDragging;
}
