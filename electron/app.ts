// Wiring: the order matters. The scheme is registered before `ready`, the lock is taken before
// anything opens the database, and the database is open before the window can call into it.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, session } from 'electron';
import { AppError } from '../common/result';
import { restoreFile } from '../services/backup';
import { type OpenedApp, openApp } from '../services/open-app';
import { resolveDbPath } from '../services/paths';
import { latestGoodBackup, scheduleStartupMaintenance, warmFirstScreen } from '../services/startup';
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
const RESTORE_BUTTONS = ['恢复最近的备份 / Restore the latest backup', '退出 / Quit'] as const;
const RESTORE_OFFER = (createdAt: string, path: string) =>
  `最近一次完好的备份 / The latest good backup: ${createdAt}\n${path}\n\n` +
  '恢复时当前文件会另存，可以撤销。/ The current file is kept aside, so the restore can be undone.';

function openFailedMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return `${(err as Error).message ?? String(err)}\n\nThe database file was not changed.`;
}

/** Shows the reason and leaves with a failure status; nothing was opened, so nothing to close. */
function fail(err: unknown): void {
  dialog.showErrorBox(OPEN_FAILED_TITLE, openFailedMessage(err));
  app.exit(1);
}

/**
 * Opens the database; when the file cannot be opened and a good backup exists, offers to restore
 * it (the current file is kept aside, so the restore can be undone). Null: the app should exit.
 */
async function openOrRecover(dbPath: string): Promise<OpenedApp | null> {
  try {
    return openApp(dbPath, { mode: 'electron' });
  } catch (err) {
    const backup = latestGoodBackup(dbPath);
    if (!backup) {
      fail(err);
      return null;
    }
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: OPEN_FAILED_TITLE,
      message: openFailedMessage(err),
      detail: RESTORE_OFFER(backup.createdAt, backup.path),
      buttons: [...RESTORE_BUTTONS],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice !== 0) {
      app.exit(1);
      return null;
    }
    try {
      const { asidePath } = await restoreFile(dbPath, backup.path, new Date());
      if (asidePath) console.log(`press-office: the unreadable file was kept as ${asidePath}`);
      return openApp(dbPath, { mode: 'electron' });
    } catch (restoreErr) {
      fail(restoreErr);
      return null;
    }
  }
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
      return openOrRecover(resolveDbPath(dbFlag(options.argv), options.env));
    })
    .then((opened) => {
      if (!opened) return;
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
      // While the window loads its code, the first screen's data is read once (services/startup.ts).
      app.on('will-quit', warmFirstScreen(opened));
      app.on('activate', () => {
        if (!win) show();
      });
      const cancelMaintenance = scheduleStartupMaintenance(opened, (m) => {
        if (m.backupError) console.error(`press-office: automatic backup failed: ${m.backupError}`);
      });
      app.on('will-quit', cancelMaintenance);
    })
    .catch(fail);
}
