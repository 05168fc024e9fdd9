import type { OffprintBridge } from '../../common/contract';
import { httpBridge } from './bridge';
import { takeSessionToken } from './session';

declare global {
  interface Window {
    offprint?: OffprintBridge;
  }
}

/** True when running inside the Electron app (the preload exposed the bridge), false in serve mode. */
export const isDesktop = typeof window !== 'undefined' && window.offprint !== undefined;

const session = window.offprint
  ? null
  : takeSessionToken({ location: window.location, history: window.history, storage: window.sessionStorage });

/** True while serve mode's page loads itself again to drop the token from its address: nothing should render or ask. */
export const isReloading = session === 'reloading';

/** The one client components use: the preload bridge in the app, HTTP in serve mode. Same contract either way. */
export const api: OffprintBridge = window.offprint ?? httpBridge(isReloading ? null : session);
