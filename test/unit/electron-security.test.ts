// Window options, navigation, window.open, webviews, permissions, request filter and the
// openExternal allow-list, with electron mocked (no Electron binary runs here).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly options: unknown;
    readonly once = vi.fn((event: string, listener: Listener) => {
      this.listeners.set(event, listener);
    });
    readonly show = vi.fn();
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly listeners = new Map<string, Listener>();
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
  }
  return { openExternal, windows, FakeWindow };
});

vi.mock('electron', () => ({
  shell: { openExternal: fake.openExternal },
  BrowserWindow: fake.FakeWindow,
}));

import type { Session, WebContents } from 'electron';
import { APP_ENTRY_URL, WINDOW_TITLE } from '../../electron/constants';
import {
  EXTERNAL_HOSTS,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isLoadableUrl,
} from '../../electron/security';
import { createMainWindow, mainWindowOptions } from '../../electron/window';

type Handler = (...args: unknown[]) => unknown;

/** A webContents that records its listeners so a test can fire them. */
function fakeContents() {
  const on = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Handler) => {
      on.set(event, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Handler) => {
      openHandler = handler;
    }),
  };
  hardenWebContents(contents as unknown as WebContents);
  const navigate = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    const listener = on.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return {
    on,
    navigate,
    openWindow: (url: string) => openHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }),
  };
}

beforeEach(() => {
  fake.openExternal.mockClear();
  fake.windows.length = 0;
});

describe('main window options', () => {
  const options = mainWindowOptions('/app/dist/preload.cjs', false);
  const web = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(web[key]).toBe(value);
  });

  it('uses the bundled preload, 1280×800 with a minimum size, hidden until ready, titled 新闻发布工作台', () => {
    expect(web.preload).toBe('/app/dist/preload.cjs');
    expect(options).toMatchObject({ width: 1280, height: 800, show: false, title: WINDOW_TITLE });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);
  });

  it('turns DevTools off when asked (packaged builds)', () => {
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });

  it('creates the window with those options, loads the app origin and shows it on ready-to-show', () => {
    createMainWindow('/app/dist/preload.cjs', false);
    const win = fake.windows[0];
    expect(win?.options).toEqual(mainWindowOptions('/app/dist/preload.cjs', false));
    expect(win?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL.startsWith('app://press-office/')).toBe(true);
    expect(win?.show).not.toHaveBeenCalled();
    win?.listeners.get('ready-to-show')?.();
    expect(win?.show).toHaveBeenCalledTimes(1);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.rizhao.gov.cn/',
    'https://rizhao.gov.cn/art/2026/3/15/art_1.html',
    'http://www.rizhao.gov.cn/index.html',
    'HTTPS://WWW.RIZHAO.GOV.CN/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['an unlisted host', 'http://example.com/'],
    ['a look-alike suffix', 'https://www.rizhao.gov.cn.evil.example/'],
    ['a subdomain not listed', 'https://evil.rizhao.gov.cn/'],
    ['credentials', 'https://user:pw@www.rizhao.gov.cn/'],
    ['a port', 'https://www.rizhao.gov.cn:8443/'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['smb:', 'smb://www.rizhao.gov.cn/share'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['the app origin', 'app://press-office/'],
    ['garbage', 'not a url'],
    ['a non-string', 42],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('is a short exact-name list', () => {
    expect(EXTERNAL_HOSTS.length).toBeLessThanOrEqual(5);
    expect(isAllowedExternalUrl('https://example.org/', ['example.org'])).toBe(true);
  });
});

describe('hardenWebContents', () => {
  it('keeps navigation inside the app origin', () => {
    const c = fakeContents();
    expect(c.navigate('will-navigate', 'app://press-office/departments')).toBe(false);
    expect(c.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.navigate('will-navigate', 'app://other-host/')).toBe(true);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('hands an allow-listed link to the system browser, still preventing the navigation', () => {
    const c = fakeContents();
    expect(c.navigate('will-navigate', 'https://www.rizhao.gov.cn/')).toBe(true);
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.rizhao.gov.cn/');
  });

  it('refuses foreign frame navigations and redirects without opening anything', () => {
    const c = fakeContents();
    expect(c.navigate('will-frame-navigate', 'https://www.rizhao.gov.cn/')).toBe(true);
    expect(c.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.navigate('will-frame-navigate', 'app://press-office/')).toBe(false);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open, opening only allow-listed links externally', () => {
    const c = fakeContents();
    expect(c.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(c.openWindow('app://press-office/')).toEqual({ action: 'deny' });
    expect(c.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.openExternal).not.toHaveBeenCalled();
    expect(c.openWindow('https://rizhao.gov.cn/')).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });

  it('prevents attaching webviews', () => {
    const c = fakeContents();
    const e = { preventDefault: vi.fn() };
    c.on.get('will-attach-webview')?.(e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      requestHandler: undefined as Handler | undefined,
      checkHandler: undefined as Handler | undefined,
      beforeRequest: undefined as Handler | undefined,
      setPermissionRequestHandler: vi.fn((h: Handler) => {
        s.requestHandler = h;
      }),
      setPermissionCheckHandler: vi.fn((h: Handler) => {
        s.checkHandler = h;
      }),
      webRequest: {
        onBeforeRequest: vi.fn((h: Handler) => {
          s.beforeRequest = h;
        }),
      },
    };
    hardenSession(s as unknown as Session);
    return s;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies a %s permission request and check',
    (permission) => {
      const s = fakeSession();
      const callback = vi.fn();
      s.requestHandler?.({}, permission, callback, { requestingUrl: 'app://press-office/' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(s.checkHandler?.({}, permission, 'app://press-office', {})).toBe(false);
    },
  );

  it('cancels every request that is not app:, data:, blob: or devtools:', () => {
    const s = fakeSession();
    const verdict = (url: string) => {
      const callback = vi.fn();
      s.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(verdict('app://press-office/assets/index.js')).toEqual({ cancel: false });
    expect(verdict('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    expect(verdict('https://cdn.example/x.js')).toEqual({ cancel: true });
    expect(verdict('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(verdict('ws://evil.example/')).toEqual({ cancel: true });
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true });
    expect(isLoadableUrl('::garbage')).toBe(false);
  });
});
