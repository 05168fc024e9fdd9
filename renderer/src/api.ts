import type { OffprintBridge } from '../../common/contract';
import { httpBridge } from './bridge';

declare global {
  interface Window {
    offprint?: OffprintBridge;
  }
}

/** True when running inside the Electron app (the preload exposed the bridge), false in serve mode. */
export const isDesktop = typeof window !== 'undefined' && window.offprint !== undefined;

/** The one client components use: the preload bridge in the app, HTTP in serve mode. Same contract either way. */
export const api: OffprintBridge = window.offprint ?? httpBridge();
