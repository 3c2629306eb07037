// Where the database lives. Computed the way Electron's app.getPath('userData') does, so the app,
// browser mode and the CLI share one file without importing electron outside main.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron names the userData folder after package.json's productName. */
export const APP_DIR_NAME = 'Press Office';
export const DB_FILE_NAME = 'press-office.db';

export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return join(appDataDir(platform, env), APP_DIR_NAME);
}

/** `--db FILE` wins, then `PRESS_OFFICE_DB`, then `<userData>/press-office.db`. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.PRESS_OFFICE_DB) return env.PRESS_OFFICE_DB;
  return join(userDataDir(process.platform, env), DB_FILE_NAME);
}
