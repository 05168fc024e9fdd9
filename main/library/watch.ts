import { watch, type FSWatcher } from 'node:fs';
import { createLogger } from './log.ts';

const log = createLogger('watch');

/**
 * Watches folders and calls `onChange(key)` once things settle, so edits, new files and deletions
 * are re-indexed incrementally. A folder that cannot be watched is simply rescanned by hand.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onChange: (key: string) => void,
    private readonly settleMs = 1000,
  ) {}

  add(key: string, root: string): void {
    if (this.watchers.has(key)) return;
    try {
      const w = watch(root, { recursive: true, persistent: false }, (_event, name) => {
        if (
          name &&
          String(name)
            .split(/[\\/]/u)
            .some((part) => part.startsWith('.'))
        )
          return;
        this.schedule(key);
      });
      w.on('error', (err) => {
        log.warn('watching stopped', { key, message: err.message });
        this.remove(key);
      });
      this.watchers.set(key, w);
    } catch (err) {
      log.warn('folder cannot be watched', { key, message: (err as Error).message });
    }
  }

  remove(key: string): void {
    this.watchers.get(key)?.close();
    this.watchers.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  close(): void {
    for (const key of [...this.watchers.keys()]) this.remove(key);
  }

  private schedule(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.onChange(key);
      }, this.settleMs),
    );
  }
}
