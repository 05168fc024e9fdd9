/**
 * The Electron main process: wiring only. Every decision it applies (window options, what may
 * navigate, who may call IPC, where the window opens, the menu, paths, theme, progress) is a plain
 * function in a sibling module with its own tests; this file connects them to Electron's objects.
 */
import { existsSync, statSync } from 'node:fs';
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session, shell, utilityProcess } from 'electron';
import type { MenuCommand, Settings } from '../../common/contract.ts';
import { READABLE_EXTENSIONS } from '../../common/formats.ts';
import type { TypedDispatch } from '../api/dispatch.ts';
import { startServices, type Services } from '../api/services.ts';
import { createLogger } from '../library/log.ts';
import { appPaths, type AppPaths } from './appPaths.ts';
import { routeEvent, themeSourceFor, type EventSink } from './events.ts';
import { externalOpener } from './externalLinks.ts';
import { guardContents, guardSession } from './guards.ts';
import { sendEvent, serveIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_ENTRY_URL, devRendererOrigin } from './origin.ts';
import { utilityParser } from './parserProcess.ts';
import { registerSchemes, serveProtocols } from './protocol.ts';
import { launchRequestFromArgv, parseLaunchUrl, routeLaunchRequest, type LaunchRequest } from './launchRequest.ts';
import { claimSingleInstance, focusWindow } from './singleInstance.ts';
import { startupErrorMessage } from './startupError.ts';
import { windowOptions } from './windowOptions.ts';
import { placeWindow, readWindowState, writeWindowState } from './windowState.ts';

const log = createLogger('app');

// npm run dev: the page comes from electron-vite's dev server (hot reload), trusted like the app's own
// origin; null when packaged or started any other way, so the app loads offprint://app as always.
const devOrigin = devRendererOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

let win: BrowserWindow | null = null;
let services: Services | null = null;

const liveWindow = () => (win && !win.isDestroyed() ? win : null);

const sink: EventSink = {
  send: (event, payload) => sendEvent(liveWindow()?.webContents ?? null, event, payload),
  setProgress: (progress) => liveWindow()?.setProgressBar(progress),
  setThemeSource: (source) => {
    nativeTheme.themeSource = source;
  },
};

/** The one caller of shell.openExternal: behind the allow-list, after the renderer has asked the user. */
const openExternal = externalOpener((url) => shell.openExternal(url));

async function addFolder(path: string): Promise<void> {
  if (!services) return;
  const result = await (services.dispatch as TypedDispatch)('folders.add', { path });
  if (result.ok) return;
  const options = { type: 'error' as const, message: 'The folder could not be added.', detail: result.error.message };
  const w = liveWindow();
  await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options));
}

async function addFolderFromDialog(): Promise<void> {
  const options = { title: 'Add a folder of articles', buttonLabel: 'Add Folder', properties: ['openDirectory' as const] };
  const w = liveWindow();
  const picked = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
  const path = picked.filePaths[0];
  if (!picked.canceled && path) await addFolder(path);
}

/** "Add files…": the native picker, narrowed to the formats Offprint reads; main checks every path it gives. */
async function chooseFiles(): Promise<string[] | null> {
  const options = {
    title: 'Add files to the Offprint library',
    buttonLabel: 'Add Files',
    properties: ['openFile' as const, 'multiSelections' as const],
    filters: [{ name: 'Articles and books', extensions: READABLE_EXTENSIONS.map((e) => e.slice(1)) }],
  };
  const w = liveWindow();
  const picked = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
  return picked.canceled ? null : picked.filePaths;
}

/** An article's source file (its path checked by main/library/original.ts) in the system's default app. */
async function openPath(path: string): Promise<boolean> {
  const failure = await shell.openPath(path);
  if (failure !== '') log.warn('original not opened', { message: failure });
  return failure === '';
}

/** A request from another program waits here until the page is loaded and listening. */
let pendingLaunch: LaunchRequest | null = launchRequestFromArgv(process.argv);

/** What an offprint:// link or a second launch may do (launchRequest.ts): open an article, or show "Add files…". */
function handleLaunch(request: LaunchRequest | null): void {
  const w = liveWindow();
  if (!w || w.webContents.isLoading()) {
    pendingLaunch = request ?? pendingLaunch;
    return;
  }
  focusWindow(w);
  routeLaunchRequest(request, {
    openArticle: (id) => sink.send('launch.command', { command: 'open-article', id }),
    showImport: () => sink.send('menu.command', { command: 'add-files' }),
  });
}

/** A folder dropped on the window (its file: navigation was denied in guards.ts): ask, then add. */
async function offerDroppedFolder(path: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    isFolder = false;
  }
  const w = liveWindow();
  if (!isFolder || !w) return;
  const answer = await dialog.showMessageBox(w, {
    type: 'question',
    message: 'Add this folder to your library?',
    detail: path,
    buttons: ['Add Folder', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer.response === 0) await addFolder(path);
}

function onMenuCommand(command: MenuCommand): void {
  // The page cannot open a native folder picker, so this one command is handled here.
  if (command === 'add-folder') void addFolderFromDialog();
  else sink.send('menu.command', { command });
}

function createWindow(paths: AppPaths): void {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placed = placeWindow(readWindowState(paths.windowStateFile), workAreas);
  const w = new BrowserWindow(
    windowOptions({
      preload: paths.preload,
      bounds: placed.bounds,
      isDark: nativeTheme.shouldUseDarkColors,
      isDev: !app.isPackaged,
      icon: paths.icon,
    }),
  );
  win = w;
  if (placed.isMaximized) w.maximize();
  w.once('ready-to-show', () => {
    w.show();
    for (const notice of services?.notices.splice(0) ?? []) void dialog.showMessageBox(w, { type: 'info', message: notice });
  });
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    if (w.isDestroyed()) return;
    try {
      writeWindowState(paths.windowStateFile, { bounds: w.getNormalBounds(), isMaximized: w.isMaximized() });
    } catch (err) {
      log.warn('window state not saved', { message: (err as Error).message });
    }
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 1000);
  };
  w.on('resize', saveSoon);
  w.on('move', saveSoon);
  w.on('maximize', saveSoon);
  w.on('unmaximize', saveSoon);
  // The page's document.title (the open article) becomes the window title: 'page-title-updated' is left alone.
  w.on('close', save);
  w.on('closed', () => {
    if (win === w) win = null;
  });
  w.webContents.on('did-finish-load', () => {
    const request = pendingLaunch;
    pendingLaunch = null;
    handleLaunch(request);
  });
  void w.loadURL(devOrigin ? `${devOrigin}/` : APP_ENTRY_URL);
}

async function start(): Promise<void> {
  const paths = appPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
    mainDir: import.meta.dirname,
    versions: process.versions,
    platform: process.platform,
    arch: process.arch,
  });
  guardSession(session.defaultSession, devOrigin);
  try {
    services = startServices({
      dataDir: paths.dataDir,
      bundledContent: existsSync(paths.bundledContent) ? paths.bundledContent : null,
      workerUrl: paths.workerUrl,
      launchParser: utilityParser((...args) => utilityProcess.fork(...args), paths.parserEntry),
      nativeBinding: paths.nativeBinding,
      openExternal,
      openPath,
      chooseFiles,
      onEvent: (event, payload) => routeEvent(sink, event, payload),
    });
  } catch (err) {
    const { title, detail } = startupErrorMessage(err, { isPackaged: app.isPackaged, nativeBinding: paths.nativeBinding });
    log.error('startup failed', { message: (err as Error).message, stack: (err as Error).stack });
    dialog.showErrorBox(title, detail);
    app.exit(1);
    return;
  }
  const running = services;
  serveProtocols({ rendererDir: paths.rendererDir, indexDb: () => running.deps.indexDb });
  serveIpc(running.dispatch, devOrigin);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: app.name, isDev: !app.isPackaged }, onMenuCommand)),
  );
  const settings = await (running.dispatch as TypedDispatch)('settings.get', {});
  if (settings.ok) sink.setThemeSource(themeSourceFor((settings.value as Settings).theme));
  createWindow(paths);
  app.on('activate', () => {
    if (!focusWindow(liveWindow())) createWindow(paths);
  });
}

// Before 'ready': schemes must be registered and the sandbox forced for every renderer.
registerSchemes();
app.enableSandbox();

if (claimSingleInstance(app, liveWindow, handleLaunch)) {
  // The OS hands offprint:// links to the app only once it is installed (a development run is not).
  if (app.isPackaged) app.setAsDefaultProtocolClient('offprint');
  // macOS delivers a link as an event, not on the command line.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleLaunch(parseLaunchUrl(url));
  });
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, { onDroppedPath: (path) => void offerDroppedFolder(path), devOrigin });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    const running = services;
    if (!running) return;
    // Close the databases and the index worker before the process goes.
    event.preventDefault();
    services = null;
    running
      .close()
      .catch((err: Error) => log.error('shutdown failed', { message: err.message }))
      .finally(() => app.exit(0));
  });
  app
    .whenReady()
    .then(start)
    .catch((err: Error) => {
      log.error('app failed to start', { message: err.message, stack: err.stack });
      dialog.showErrorBox('Offprint could not start', err.message);
      app.exit(1);
    });
}
