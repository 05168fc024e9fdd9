import { launchRequestFromArgv, type LaunchRequest } from './launchRequest.ts';

/**
 * One running Offprint per user: a second launch hands over to the first (which comes to the front)
 * and quits, so two processes never write the same databases.
 */
export interface FocusableWindow {
  isDestroyed: () => boolean;
  isMinimized: () => boolean;
  restore: () => void;
  show: () => void;
  focus: () => void;
}

export interface InstanceApp {
  requestSingleInstanceLock: () => boolean;
  quit: () => void;
  on: (event: 'second-instance', listener: (event: unknown, argv: string[]) => void) => unknown;
}

/** Brings the window back (restored if minimised, shown if hidden) and focuses it. False when there is none. */
export function focusWindow(win: FocusableWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}

/**
 * True when this process is the first instance and should go on starting. Otherwise it asks the app to
 * quit (the first instance gets 'second-instance' and focuses its window). The second launch's command
 * line may carry an offprint:// request; `onRequest` gets it parsed (launchRequest.ts: at most open an
 * article or show the import dialog), never the raw arguments.
 */
export function claimSingleInstance(
  app: InstanceApp,
  currentWindow: () => FocusableWindow | null,
  onRequest: (request: LaunchRequest) => void = () => undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    focusWindow(currentWindow());
    const request = launchRequestFromArgv(Array.isArray(argv) ? argv : []);
    if (request) onRequest(request);
  });
  return true;
}
