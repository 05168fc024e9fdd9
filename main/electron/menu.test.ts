import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../common/contract.ts';
import { accelerators, menuTemplate } from './menu.ts';

type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDev = false) {
  const onCommand = vi.fn();
  const items = flatten(menuTemplate({ platform, appName: 'Offprint', isDev }, onCommand));
  const byLabel = (label: string) => items.find((i) => i.label === label);
  const click = (label: string) => (byLabel(label)?.click as (() => void) | undefined)?.();
  return { items, byLabel, click, onCommand, roles: items.map((i) => i.role).filter(Boolean) };
}

describe('menuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('reaches every menu command on %s, each from one item', (platform) => {
    const { items, onCommand } = build(platform);
    for (const item of items) (item.click as (() => void) | undefined)?.();
    const sent = onCommand.mock.calls.map(([c]) => c as string);
    expect(sent.sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it.each([
    ['Search Library', 'focus-search', 'CmdOrCtrl+K'],
    ['Find in Article', 'find-in-article', 'CmdOrCtrl+F'],
    ['Add Folder…', 'add-folder', 'CmdOrCtrl+O'],
    ['Back', 'back', 'Alt+Left'],
    ['Forward', 'forward', 'Alt+Right'],
    ['Settings', 'open-settings', 'CmdOrCtrl+,'],
  ])('gives “%s” the command %s and the shortcut %s on Windows and Linux', (label, command, accelerator) => {
    const { byLabel, click, onCommand } = build('linux');
    expect(byLabel(label)?.accelerator).toBe(accelerator);
    click(label);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('uses Cmd+[ and Cmd+] for back and forward on macOS, where Alt+arrows move by word', () => {
    const { byLabel } = build('darwin');
    expect(byLabel('Back')?.accelerator).toBe('Cmd+[');
    expect(byLabel('Forward')?.accelerator).toBe('Cmd+]');
  });

  it('has the standard edit roles, so copy and paste work in the search box', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(build(platform).roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('has the macOS app menu roles on macOS only', () => {
    expect(build('darwin').roles).toEqual(
      expect.arrayContaining(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit', 'windowMenu']),
    );
    expect(build('linux').roles).not.toContain('services');
    expect(build('linux').roles).toEqual(expect.arrayContaining(['quit', 'about', 'help']));
  });

  it('offers zoom and full screen', () => {
    expect(build('win32').roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('offers reload and DevTools only in development', () => {
    expect(build('linux').roles).not.toContain('toggleDevTools');
    expect(build('linux').roles).not.toContain('reload');
    expect(build('linux', true).roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives no two items the same shortcut', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const keys = Object.values(accelerators(platform)).filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
