import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseNativeBinding } from '../library/db/nativeBinding.ts';

/** What the shell knows about where it runs: from `app`, `process` and the built main bundle's folder. */
export interface AppLayout {
  isPackaged: boolean;
  /** app.getAppPath(): the checkout in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: holds app.asar and the extraResources (content/). */
  resourcesPath: string;
  /** app.getPath('userData'). */
  userData: string;
  /** The folder of the running main bundle (out/main). */
  mainDir: string;
  versions: { electron?: string; modules: string };
  platform: string;
  arch: string;
}

export interface AppPaths {
  rendererDir: string;
  preload: string;
  workerUrl: URL;
  /** The parser process's entry, started as a utility process (parser.ts, parserProcess.ts). */
  parserEntry: string;
  /** The bundled articles: shipped as extraResources when packaged, the checkout's content/ in development. */
  bundledContent: string;
  dataDir: string;
  windowStateFile: string;
  icon: string;
  /** better-sqlite3's addon for Electron's ABI in development; undefined when packaged (rebuilt by electron-builder). */
  nativeBinding: string | undefined;
}

export function appPaths(layout: AppLayout): AppPaths {
  const out = join(layout.mainDir, '..');
  return {
    rendererDir: join(out, 'renderer'),
    preload: join(out, 'preload', 'index.cjs'),
    workerUrl: pathToFileURL(join(layout.mainDir, 'indexWorker.js')),
    parserEntry: join(layout.mainDir, 'parseWorker.js'),
    bundledContent: layout.isPackaged ? join(layout.resourcesPath, 'content') : join(layout.appPath, 'content'),
    dataDir: layout.userData,
    windowStateFile: join(layout.userData, 'window-state.json'),
    icon: layout.isPackaged ? join(layout.resourcesPath, 'icon.png') : join(layout.appPath, 'build', 'icon.png'),
    nativeBinding: chooseNativeBinding(
      { versions: layout.versions, platform: layout.platform, arch: layout.arch, isPackaged: layout.isPackaged },
      layout.appPath,
    ),
  };
}
