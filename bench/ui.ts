/**
 * UI latencies (issue 6): keystroke→results p95 and opening a 1 MB article, measured through the
 * serve mode once it exists. Until then the bench reports nulls. To add it, implement measureUi()
 * here (e.g. start the serve mode against bench/tmp/<corpus>/offprint.db and drive it with
 * playwright-core), and run.ts picks it up for full runs.
 */
export interface UiTimings {
  keystroke_p95: number | null;
  open_1mb: number | null;
}

export function measureUi(_dbPath: string): Promise<UiTimings> {
  return Promise.resolve({ keystroke_p95: null, open_1mb: null });
}
