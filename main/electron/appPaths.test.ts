import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, nativeBindingDir } from '../library/db/nativeBinding.ts';
import { appPaths, type AppLayout } from './appPaths.ts';

const dev: AppLayout = {
  isPackaged: false,
  appPath: '/src/offprint',
  resourcesPath: '/opt/electron/resources',
  userData: '/home/ada/.config/Offprint',
  mainDir: '/src/offprint/out/main',
  versions: { electron: '45.5.0', modules: '140' },
  platform: 'linux',
  arch: 'x64',
};
const packaged: AppLayout = {
  ...dev,
  isPackaged: true,
  appPath: '/opt/Offprint/resources/app.asar',
  resourcesPath: '/opt/Offprint/resources',
  mainDir: '/opt/Offprint/resources/app.asar/out/main',
};

describe('appPaths', () => {
  it('finds the built renderer, preload and worker beside the main bundle', () => {
    const paths = appPaths(packaged);
    expect(paths.rendererDir).toBe(join('/opt/Offprint/resources/app.asar/out', 'renderer'));
    expect(paths.preload).toBe(join('/opt/Offprint/resources/app.asar/out', 'preload', 'index.cjs'));
    expect(paths.workerUrl.href).toBe('file:///opt/Offprint/resources/app.asar/out/main/indexWorker.js');
    expect(paths.parserEntry).toBe(join('/opt/Offprint/resources/app.asar/out/main', 'parseWorker.js'));
  });

  it('reads the bundled articles from the checkout in development and from resources when packaged', () => {
    expect(appPaths(dev).bundledContent).toBe(join('/src/offprint', 'content'));
    expect(appPaths(packaged).bundledContent).toBe(join('/opt/Offprint/resources', 'content'));
  });

  it('keeps the databases and the window state in userData', () => {
    expect(appPaths(dev).dataDir).toBe('/home/ada/.config/Offprint');
    expect(appPaths(dev).windowStateFile).toBe(join('/home/ada/.config/Offprint', 'window-state.json'));
  });

  it('loads the Electron build of better-sqlite3 from native/ in development', () => {
    expect(appPaths(dev).nativeBinding).toBe(join('/src/offprint', 'native', 'electron-140-linux-x64', 'better_sqlite3.node'));
  });

  it('uses the module electron-builder rebuilt when packaged', () => {
    expect(appPaths(packaged).nativeBinding).toBeUndefined();
  });
});

describe('chooseNativeBinding', () => {
  const node = { versions: { modules: '115' }, platform: 'linux', arch: 'x64', isPackaged: false };

  it('leaves Node (tests, CLI, serve) on better-sqlite3’s default build', () => {
    expect(chooseNativeBinding(node, '/src/offprint')).toBeUndefined();
  });

  it('gives Electron a build of its own, named by runtime, ABI, platform and arch', () => {
    const electron = { versions: { electron: '45.5.0', modules: '140' }, platform: 'darwin', arch: 'arm64', isPackaged: false };
    expect(chooseNativeBinding(electron, '/src/offprint')).toBe(
      join('/src/offprint', 'native', 'electron-140-darwin-arm64', 'better_sqlite3.node'),
    );
  });

  it('keeps builds for different ABIs apart, so upgrading Electron cannot load a stale addon', () => {
    const a = nativeBindingDir({ versions: { electron: '45.5.0', modules: '140' }, platform: 'linux', arch: 'x64', isPackaged: false });
    const b = nativeBindingDir({ versions: { electron: '46.0.0', modules: '141' }, platform: 'linux', arch: 'x64', isPackaged: false });
    expect(a).not.toBe(b);
    expect(nativeBindingDir(node)).toBe('node-115-linux-x64');
  });

  it('returns undefined in a packaged app whatever the runtime', () => {
    expect(
      chooseNativeBinding(
        { versions: { electron: '45.5.0', modules: '140' }, platform: 'win32', arch: 'x64', isPackaged: true },
        'C:\\app',
      ),
    ).toBeUndefined();
  });
});
