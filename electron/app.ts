// Wiring: the order matters. The scheme is registered before `ready`, the lock is taken before
// anything opens the database, and the database is open before the window can call into it.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, session } from 'electron';
import { AppError } from '../common/result';
import { type OpenedApp, openApp } from '../services/open-app';
import { resolveDbPath } from '../services/paths';
import { dbFlag } from './args';
import { registerIpc } from './ipc';
import { installAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow } from './window';

export interface StartOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The folder holding main.mjs, preload.cjs, renderer/ and migrations/ (dist/, or inside app.asar). */
  bundleDir: string;
}

// Shown before any window or message catalog exists, so both languages are given here.
const OPEN_FAILED_TITLE = '新闻发布工作台：无法打开数据库 / Press Office: cannot open the database';

function openFailedMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return `${(err as Error).message ?? String(err)}\n\nThe database file was not changed.`;
}

/** Shows the reason and leaves with a failure status; nothing was opened, so nothing to close. */
function fail(err: unknown): void {
  dialog.showErrorBox(OPEN_FAILED_TITLE, openFailedMessage(err));
  app.exit(1);
}

export function startApp(options: StartOptions): void {
  registerAppScheme();
  let win: BrowserWindow | null = null;
  if (!claimSingleInstance(() => win)) return;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      let opened: OpenedApp;
      try {
        opened = openApp(resolveDbPath(dbFlag(options.argv), options.env), { mode: 'electron' });
      } catch (err) {
        fail(err);
        return;
      }
      const { close } = opened;
      hardenSession(session.defaultSession);
      installAppProtocol(join(options.bundleDir, 'renderer'));
      const unregisterIpc = registerIpc(opened.ctx);
      app.on('will-quit', () => {
        unregisterIpc();
        close();
      });

      const preload = join(options.bundleDir, 'preload.cjs');
      const show = () => {
        const created = createMainWindow(preload, !app.isPackaged);
        created.on('closed', () => {
          if (win === created) win = null;
        });
        win = created;
      };
      show();
      app.on('activate', () => {
        if (!win) show();
      });
    })
    .catch(fail);
}
