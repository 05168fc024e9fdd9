import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/contract.ts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and DevTools appear only in development. */
  isDev: boolean;
}

/** The app's shortcuts. macOS keeps Alt+Left/Right for moving by word, so back/forward use Cmd+[ and Cmd+] there. */
export function accelerators(platform: NodeJS.Platform): Record<MenuCommand, string | undefined> {
  const isMac = platform === 'darwin';
  return {
    'focus-search': 'CmdOrCtrl+K',
    'find-in-article': 'CmdOrCtrl+F',
    'add-folder': 'CmdOrCtrl+O',
    'add-files': 'CmdOrCtrl+Shift+O',
    'show-problems': undefined,
    back: isMac ? 'Cmd+[' : 'Alt+Left',
    forward: isMac ? 'Cmd+]' : 'Alt+Right',
    'open-settings': 'CmdOrCtrl+,',
    'toggle-library': 'CmdOrCtrl+B',
    'focus-mode': 'F',
  };
}

/** Keys the renderer handles itself (a plain letter must not fire in a text field): the menu only shows them. */
const RENDERER_KEYS: ReadonlySet<MenuCommand> = new Set(['toggle-library', 'focus-mode']);

/**
 * The native application menu: the platform's standard roles plus the app's own commands. Pure: a
 * click only calls `onCommand`; the shell decides what a command does (most are sent to the renderer
 * as `menu.command` events, "Add Folder…" opens the native folder picker in main).
 */
export function menuTemplate(options: MenuOptions, onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const keys = accelerators(options.platform);
  const item = (label: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(keys[command] ? { accelerator: keys[command] } : {}),
    ...(RENDERER_KEYS.has(command) ? { registerAccelerator: false } : {}),
    click: () => onCommand(command),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const settings = item(isMac ? 'Settings…' : 'Settings', 'open-settings');

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      sep,
      settings,
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('Add Folder…', 'add-folder'),
      item('Add Files…', 'add-files'),
      item('Import Problems…', 'show-problems'),
      sep,
      ...(isMac ? [{ role: 'close' } as const] : [settings, sep, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      item('Find in Article', 'find-in-article'),
      item('Search Library', 'focus-search'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item('Back', 'back'),
      item('Forward', 'forward'),
      sep,
      item('Show or Hide Library', 'toggle-library'),
      item('Focus Mode', 'focus-mode'),
      sep,
      ...(options.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  // macOS has About in the app menu; elsewhere it lives under Help.
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: `About ${options.appName}` }] };

  return isMac ? [appMenu, file, edit, view, windowMenu] : [file, edit, view, help];
}
