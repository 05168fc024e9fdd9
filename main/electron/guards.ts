import type { Session, WebContents } from 'electron';
import { createLogger } from '../library/log.ts';
import { droppedPath, isAllowedNavigation, schemeOf } from './origin.ts';
import { denyPermissionCheck, denyPermissionRequest, isBlockedRequest } from './policy.ts';

const log = createLogger('guards');

/** The parts of WebContents the guards touch, so tests can pass a stand-in. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export interface GuardOptions {
  /** A file or folder dropped on the window, after its navigation was denied. */
  onDroppedPath?: (path: string) => void;
  /** The dev server's origin under `npm run dev` (origin.ts devRendererOrigin), else null. */
  devOrigin?: string | null;
}

/**
 * Navigation, new windows and <webview> for every webContents (checklist #11–#14). Only the app's own
 * origin may load; everything else is refused here and links go through `link.open`, which the
 * renderer confirms first.
 */
export function guardContents(contents: GuardedContents, options: GuardOptions = {}): void {
  // Electron emits will-frame-navigate (every frame) and will-navigate (main frame) for one navigation;
  // whichever comes first may cancel it, so both deny, and a drop is reported once.
  let lastDrop: string | null = null;
  const deny = (kind: string, event: { url: string; isMainFrame: boolean; preventDefault: () => void }) => {
    if (isAllowedNavigation(event.url, options.devOrigin ?? null)) return;
    event.preventDefault();
    // A file or folder dropped on the window (navigateOnDragDrop) arrives as file:///…; main asks before adding it.
    const dropped = event.isMainFrame ? droppedPath(event.url) : null;
    if (dropped !== null && options.onDroppedPath) {
      if (lastDrop === event.url) return;
      lastDrop = event.url;
      setImmediate(() => (lastDrop = null));
      options.onDroppedPath(dropped);
    } else log.warn(`${kind} denied`, { scheme: schemeOf(event.url), isMainFrame: event.isMainFrame });
  };
  contents.on('will-navigate', (event) => deny('navigation', event));
  contents.on('will-frame-navigate', (event) => deny('frame navigation', event));
  contents.on('will-redirect', (event) => deny('redirect', event));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
}

/** Permissions and network for the app's session (checklist #1 and #5). */
export function guardSession(session: GuardedSession, devOrigin: string | null = null): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedRequest(details.url, devOrigin);
    if (cancel) log.warn('network request cancelled', { scheme: schemeOf(details.url) });
    callback({ cancel });
  });
}
