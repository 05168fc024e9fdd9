import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, requestNames, type OffprintBridge } from '../common/contract.ts';

const electron = vi.hoisted(() => {
  const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  const webUtils = { getPathForFile: vi.fn((file: { name: string }) => `/home/u/${file.name}`) };
  return { ipcRenderer, contextBridge, webUtils };
});
vi.mock('electron', () => electron);

async function loadPreload(): Promise<{ key: string; bridge: OffprintBridge }> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.on.mockClear();
  await import('./index.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, OffprintBridge];
  return { key, bridge };
}

/** The one ipcRenderer listener the preload installed, called as Electron would: (event, message). */
function emitFromMain(message: unknown) {
  for (const [channel, listener] of electron.ipcRenderer.on.mock.calls as [string, (e: unknown, m: unknown) => void][]) {
    if (channel === IPC_EVENT_CHANNEL) listener({ sender: electron.ipcRenderer, ports: [] }, message);
  }
}

describe('the preload', () => {
  beforeEach(() => vi.clearAllMocks());

  it('gives the paths of File objects only, and nothing for anything else', async () => {
    const { bridge } = await loadPreload();
    const file = new File(['x'], 'notes.md');
    expect(bridge.pathsOf!([file, { name: 'fake.md' }, '/etc/passwd'])).toEqual(['/home/u/notes.md', '', '']);
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledOnce();
    expect(() => bridge.pathsOf!('x' as unknown as unknown[])).toThrow(TypeError);
  });

  it('exposes window.offprint with exactly one function per request plus on and pathsOf', async () => {
    const { key, bridge } = await loadPreload();
    expect(key).toBe('offprint');
    expect(Object.keys(bridge).sort()).toEqual([...requestNames, 'on', 'pathsOf'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('hands the page no Electron object: nothing is ipcRenderer or has send', async () => {
    const { bridge } = await loadPreload();
    for (const value of Object.values(bridge) as unknown[]) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toHaveProperty('send');
      expect(value).not.toHaveProperty('sendSync');
      expect(value).not.toHaveProperty('invoke');
    }
  });

  it.each(requestNames)('sends %s on the request channel with its name and input', async (name) => {
    const { bridge } = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'answer' });
    const call = bridge[name] as (input: unknown) => Promise<unknown>;
    await expect(call({ probe: name })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_REQUEST_CHANNEL, name, { probe: name });
  });

  it('gives a listener the payload alone, never the IpcRendererEvent', async () => {
    const { bridge } = await loadPreload();
    const listener = vi.fn();
    bridge.on('library.changed', listener);
    emitFromMain({ event: 'library.changed', payload: { articles: 7 } });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ articles: 7 });
  });

  it('delivers only the event a listener asked for, and nothing malformed', async () => {
    const { bridge } = await loadPreload();
    const listener = vi.fn();
    bridge.on('index.changed', listener);
    emitFromMain({ event: 'library.changed', payload: { articles: 7 } });
    emitFromMain({ event: 'not.an.event', payload: 1 });
    emitFromMain('index.changed');
    emitFromMain(null);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe, leaving other listeners subscribed', async () => {
    const { bridge } = await loadPreload();
    const first = vi.fn();
    const second = vi.fn();
    const off = bridge.on('menu.command', first);
    bridge.on('menu.command', second);
    off();
    emitFromMain({ event: 'menu.command', payload: { command: 'back' } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith({ command: 'back' });
  });

  it('installs one ipcRenderer listener however many subscriptions there are', async () => {
    const { bridge } = await loadPreload();
    for (let i = 0; i < 20; i++) bridge.on('index.changed', () => undefined);
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce();
  });

  it('refuses unknown events and non-function listeners', async () => {
    const { bridge } = await loadPreload();
    const on = bridge.on as (event: unknown, listener: unknown) => () => void;
    expect(() => on('ipc.anything', () => undefined)).toThrow(/unknown event/u);
    expect(() => on('index.changed', 'alert(1)')).toThrow(/must be a function/u);
  });
});
