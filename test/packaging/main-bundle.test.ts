/**
 * Runs the built main process (out/main/index.js) under Node with a stand-in for the 'electron' module,
 * so the wiring is exercised where no Electron binary exists: the real services, databases and index
 * worker bundle (out/main/indexWorker.js), the protocol handler serving out/renderer with the CSP,
 * the IPC handler with its sender check, the menu, the guards and the shutdown.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../common/contract.ts';
import { ensureBuilt, root } from './ensureBuilt.ts';

type Listener = (...args: unknown[]) => unknown;
type Handler = (request: { url: string; method: string }) => Promise<Response>;

const stub = vi.hoisted(() => {
  const state = {
    userData: '',
    appPath: '',
    appListeners: new Map<string, Listener[]>(),
    protocols: new Map<string, Handler>(),
    ipc: new Map<string, Listener>(),
    windows: [] as { options: Record<string, unknown>; url: string | null; sent: unknown[][]; progress: number[] }[],
    menu: null as unknown,
    errors: [] as string[],
    exitCode: null as number | null,
    themeSource: 'system',
    permissionRequest: null as unknown,
    loaded: null as null | ((url: string) => void),
  };
  const loaded = new Promise<string>((resolve) => (state.loaded = resolve));
  class BrowserWindow {
    webContents: { send: (...a: unknown[]) => void; isDestroyed: () => boolean; on: () => void };
    private record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: null, sent: [], progress: [] };
      state.windows.push(this.record);
      this.webContents = { send: (...a) => this.record.sent.push(a), isDestroyed: () => false, on: () => undefined };
    }
    static getAllWindows = () => state.windows;
    loadURL(url: string) {
      this.record.url = url;
      state.loaded?.(url);
      return Promise.resolve();
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    maximize() {}
    show() {}
    focus() {}
    setProgressBar(p: number) {
      this.record.progress.push(p);
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 820 });
  }
  const electron = {
    app: {
      isPackaged: false,
      name: 'Offprint',
      getAppPath: () => state.appPath,
      getPath: () => state.userData,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => undefined,
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: (code: number) => (state.exitCode = code),
      on: (event: string, listener: Listener) => state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, detail: string) => state.errors.push(`${title}: ${detail}`),
      showMessageBox: () => Promise.resolve({ response: 1 }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    nativeTheme: {
      shouldUseDarkColors: false,
      get themeSource() {
        return state.themeSource;
      },
      set themeSource(v: string) {
        state.themeSource = v;
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (state.permissionRequest = h),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: Handler) => state.protocols.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.ipc.set(channel, handler),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    // Electron's utility process, played by a forked Node process (the parser answers through process.send
    // when it has no parentPort): the same messages, pid, kill and exit the shell's launcher uses.
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv; execArgv?: string[] }) =>
        forkUtility(modulePath, args, options),
    },
  };
  let forkUtility: (modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv; execArgv?: string[] }) => unknown = () => {
    throw new Error('utilityProcess.fork before the test set it up');
  };
  return { state, loaded, electron, setFork: (f: typeof forkUtility) => (forkUtility = f) };
});

stub.setFork((modulePath, args, options) => {
  const child: ChildProcess = fork(modulePath, args, {
    env: options.env,
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return Object.assign(child, { postMessage: (m: unknown) => child.send(m as never) });
});

vi.mock('electron', () => stub.electron);

const { state } = stub;
/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const window1 = { id: 1 };
const trusted = { sender: window1, senderFrame: { url: 'offprint://app/index.html', parent: null } };
const request = (event: unknown, name: string, input: unknown) =>
  state.ipc.get(IPC_REQUEST_CHANNEL)?.(event, name, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await ensureBuilt();
  state.userData = mkdtempSync(join(tmpdir(), 'offprint-main-bundle-'));
  state.appPath = root;
  await import(join(root, 'out', 'main', 'index.js'));
  await stub.loaded;
}, 180_000);

afterAll(async () => {
  for (const l of state.appListeners.get('will-quit') ?? []) l({ preventDefault: () => undefined });
  await until('the services to close', () => (state.exitCode === null ? null : state.exitCode));
  rmSync(state.userData, { recursive: true, force: true });
});

describe('the built main process', () => {
  it('starts without an error dialog and loads the app page from offprint://app', () => {
    expect(state.errors).toEqual([]);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]?.url).toBe('offprint://app/index.html');
  });

  it('opens its window with the secure preferences and a preload that exists', () => {
    const prefs = state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(join(root, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
  });

  it('serves the renderer with the CSP header, and its scripts', async () => {
    const handler = state.protocols.get('offprint');
    const page = await handler!({ url: 'offprint://app/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'.*img-src 'self' data: offprint-asset:/u);
    const html = await page.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/u.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await handler!({ url: `offprint://app/${script}`, method: 'GET' });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 404 for paths outside the renderer and for unknown article images', async () => {
    const app = state.protocols.get('offprint')!;
    expect((await app({ url: 'offprint://app/%2e%2e/package.json', method: 'GET' })).status).toBe(404);
    const asset = state.protocols.get('offprint-asset')!;
    expect((await asset({ url: 'offprint-asset://nope/x.png', method: 'GET' })).status).toBe(404);
  });

  it('indexes the bundled articles in its worker, then searches and opens one over IPC', async () => {
    const total = await until('the first sync', async () => {
      const r = await request(trusted, 'index.status', {});
      const s = r.value as { state: string; total: number };
      return s.state === 'idle' && s.total > 0 ? s.total : null;
    });
    expect(total).toBeGreaterThanOrEqual(294);
    const found = await request(trusted, 'search.query', { q: 'election' });
    expect(found.ok).toBe(true);
    const results = (found.value as { results: { id: string; title: string }[] }).results;
    expect(results.length).toBeGreaterThan(0);
    const article = await request(trusted, 'article.get', { id: results[0]!.id, query: 'election' });
    expect(article).toMatchObject({ ok: true, value: { id: results[0]!.id, title: results[0]!.title } });
  });

  it('sends index progress to the page on the event channel and to the taskbar', () => {
    const sent = state.windows[0]?.sent ?? [];
    expect(sent.some(([channel, m]) => channel === IPC_EVENT_CHANNEL && (m as { event: string }).event === 'index.changed')).toBe(true);
    expect(state.windows[0]?.progress.at(-1)).toBe(-1);
  });

  it('refuses IPC from a sub-frame or another origin', async () => {
    const fromFrame = await request({ sender: window1, senderFrame: { url: 'offprint://app/index.html', parent: {} } }, 'index.status', {});
    const fromElsewhere = await request(
      { sender: window1, senderFrame: { url: 'https://evil.invalid/', parent: null } },
      'index.status',
      {},
    );
    const fromNowhere = await request({ sender: window1, senderFrame: null }, 'index.status', {});
    for (const r of [fromFrame, fromElsewhere, fromNowhere]) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates input after the sender check', async () => {
    expect(await request(trusted, 'search.query', { q: 42 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await request(trusted, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('serves a local article image by id and refuses paths out of the article’s folder', async () => {
    const folder = join(state.userData, 'articles');
    mkdirSync(join(folder, 'images'), { recursive: true });
    writeFileSync(join(folder, 'figure.md'), '# Quoxotic figures\n\n![A figure](images/fig.png)\n\nThe quoxotic text.\n');
    writeFileSync(join(folder, 'images', 'fig.png'), PNG);
    writeFileSync(join(state.userData, 'secret.png'), PNG);
    symlinkSync(join(state.userData, 'secret.png'), join(folder, 'images', 'link.png'));
    expect(await request(trusted, 'folders.add', { path: folder })).toMatchObject({ ok: true });
    const id = await until('the new folder to be indexed', async () => {
      const r = await request(trusted, 'search.query', { q: 'quoxotic' });
      return (r.value as { results: { id: string }[] } | undefined)?.results[0]?.id ?? null;
    });
    const asset = state.protocols.get('offprint-asset')!;
    const app = state.protocols.get('offprint')!;
    const image = await asset({ url: `offprint-asset://${id}/images/fig.png`, method: 'GET' });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);
    expect((await app({ url: `offprint://app/asset/${id}/images/fig.png`, method: 'GET' })).status).toBe(200);
    for (const src of [
      '../secret.png',
      '%2e%2e/secret.png',
      '%2e%2e%2fsecret.png',
      'images/link.png',
      encodeURIComponent(join(state.userData, 'secret.png')),
    ]) {
      expect((await asset({ url: `offprint-asset://${id}/${src}`, method: 'GET' })).status, src).toBe(404);
    }
    expect(
      (
        await asset({
          url: `offprint-asset://${id.toLowerCase() === id ? id.toUpperCase() : id.toLowerCase()}/images/fig.png`,
          method: 'GET',
        })
      ).status,
    ).toBe(404);
  });

  it('follows the theme the user saved', async () => {
    await request(trusted, 'settings.set', { theme: 'dark' });
    expect(state.themeSource).toBe('dark');
    await request(trusted, 'settings.set', { theme: 'system' });
    expect(state.themeSource).toBe('system');
  });

  it('installs the menu, the navigation guards and the permission policy', () => {
    expect(JSON.stringify(state.menu)).toContain('Search Library');
    expect(state.appListeners.has('web-contents-created')).toBe(true);
    const decisions: boolean[] = [];
    (state.permissionRequest as (wc: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'geolocation', (b) => decisions.push(b));
    expect(decisions).toEqual([false]);
  });

  it('keeps its data in userData', () => {
    expect(existsSync(join(state.userData, 'index.db'))).toBe(true);
    expect(existsSync(join(state.userData, 'user.db'))).toBe(true);
    expect(readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8')).not.toContain('tsx/esm');
  });
});
