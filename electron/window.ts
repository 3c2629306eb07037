// The main window: every web preference that matters for security is spelled out, not defaulted.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, WINDOW_TITLE } from './constants';

export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}

/** Shown once the first paint is ready, so the office never sees a blank white frame. */
export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath, devTools));
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    console.error(`press-office: cannot load ${APP_ENTRY_URL}: ${(err as Error).message}`);
  });
  return win;
}
