// Names shared by main and the preload. Pure values: the sandboxed preload bundles this file too.

/** The renderer is served from app://press-office/ — a privileged scheme, never a remote URL. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'press-office';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** The one IPC channel: every contract method goes through it, named in the arguments. */
export const IPC_CHANNEL = 'press-office:invoke';

/** The global the preload exposes to the renderer (`window.pressOffice`). */
export const BRIDGE_KEY = 'pressOffice';

export const WINDOW_TITLE = '新闻发布工作台';

/**
 * True for a URL of the app's own origin. Node's URL gives `origin === 'null'` for custom schemes,
 * so the parts are compared one by one; credentials or a port make it somebody else's URL.
 */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
