// Everything the renderer may not do: navigate away, open windows, attach webviews, ask for
// permissions, or load anything that is not the app's own files.
import { type Session, shell, type WebContents } from 'electron';
import { isAppUrl } from './constants';

/**
 * Hosts a link in the app may open in the system browser: the city government's own sites.
 * Exact names only; a suffix match would let `evil-rizhao.gov.cn.example.com` through.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['www.rizhao.gov.cn', 'rizhao.gov.cn', 'www.gov.cn'];

/** True only for a parsable http(s) URL on an allow-listed host, with no credentials and no port. */
export function isAllowedExternalUrl(raw: unknown, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '' || url.port !== '') return false;
  return hosts.includes(url.hostname.toLowerCase());
}

/** Opens an allow-listed link in the system browser; anything else is dropped. */
export function openExternalIfAllowed(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false;
  shell.openExternal(raw).catch((err: unknown) => {
    console.error(`press-office: cannot open ${raw} in the browser: ${(err as Error).message}`);
  });
  return true;
}

/**
 * Schemes a page may load from. `blob:` is kept because the renderer saves generated documents
 * through object URLs it creates itself; `devtools:` keeps DevTools working in development.
 */
const LOADABLE_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:']);

export function isLoadableUrl(raw: string): boolean {
  try {
    return LOADABLE_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** Applied to every webContents the app creates (`web-contents-created`). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalIfAllowed(event.url);
  });
  // Subframes and redirects: refused outright, never handed to the browser.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The session grants no permission and lets no request leave the app's own schemes. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLoadableUrl(details.url) });
  });
}
