import { describe, expect, it } from 'vitest';
import { startupErrorMessage } from './startupError.ts';

const abiError = new Error(
  "The module '/src/offprint/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
);

describe('startupErrorMessage', () => {
  it('tells a developer to build the native module for Electron when the ABI is wrong', () => {
    const m = startupErrorMessage(abiError, {
      isPackaged: false,
      nativeBinding: '/src/offprint/native/electron-140-linux-x64/better_sqlite3.node',
    });
    expect(m.detail).toContain('node scripts/build-native.mjs');
    expect(m.detail).toContain('electron-140-linux-x64');
  });

  it('tells a developer the same when the Electron build is missing', () => {
    const path = '/src/offprint/native/electron-140-linux-x64/better_sqlite3.node';
    const m = startupErrorMessage(new Error(`${path}: cannot open shared object file: No such file or directory`), {
      isPackaged: false,
      nativeBinding: path,
    });
    expect(m.detail).toContain('build-native');
  });

  it('tells a user of the packaged app to reinstall, without developer commands', () => {
    const m = startupErrorMessage(abiError, { isPackaged: true, nativeBinding: undefined });
    expect(m.detail).toContain('reinstall');
    expect(m.detail).not.toContain('scripts/');
  });

  it('says the data is untouched for any other failure', () => {
    const m = startupErrorMessage(new Error('EACCES: permission denied'), { isPackaged: true, nativeBinding: undefined });
    expect(m.title).toBe('Offprint could not start');
    expect(m.detail).toContain('EACCES');
  });
});
