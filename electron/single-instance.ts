// One running app per user: two processes writing one SQLite file would fight over it, and a
// second launch (double-click, file association) should bring the open window forward instead.
import { app, type BrowserWindow } from 'electron';

/** False when another instance holds the lock; this one is then already quitting. */
export function claimSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = currentWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
