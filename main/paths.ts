import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root: main/paths.ts sits one level below it, its compiled form (out/node/*.js) two. */
export const projectRoot = resolve(fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '..' : '../..', import.meta.url)));

/** Where Electron keeps this app's data (app.getPath('userData')), computed without Electron. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Offprint');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Offprint');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Offprint');
}

/** Relative paths on the command line are taken from where the user ran npm (INIT_CWD), not the package root. */
export function fromUserCwd(p: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), p);
}
