import { join } from 'node:path';

/**
 * better-sqlite3 ships one compiled addon, built for the runtime that ran `npm install` (Node).
 * Electron has its own ABI, so its build lives in a folder of its own, `native/<runtime>-<abi>-<platform>-<arch>/`,
 * and is passed to better-sqlite3 as `nativeBinding`. Node keeps the default build. Neither overwrites the other,
 * so tests, the CLI and the app run from one checkout in any order.
 */
export interface RuntimeInfo {
  versions: { electron?: string; modules: string };
  platform: string;
  arch: string;
  /** A packaged app's node_modules were rebuilt for Electron by electron-builder. */
  isPackaged: boolean;
}

export function nativeBindingDir(runtime: RuntimeInfo): string {
  const name = runtime.versions.electron ? 'electron' : 'node';
  return `${name}-${runtime.versions.modules}-${runtime.platform}-${runtime.arch}`;
}

/** The addon path to load, or undefined for better-sqlite3's own default. */
export function chooseNativeBinding(runtime: RuntimeInfo, projectRoot: string): string | undefined {
  if (!runtime.versions.electron || runtime.isPackaged) return undefined;
  return join(projectRoot, 'native', nativeBindingDir(runtime), 'better_sqlite3.node');
}
