// Start-up wiring with electron mocked: single-instance lock, database open (and refusal),
// protocol, IPC and window in order, and the database closed on quit.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly options: { webPreferences?: { preload?: string; devTools?: boolean } };
    readonly listeners = new Map<string, Listener>();
    minimized = false;
    readonly once = vi.fn((event: string, l: Listener) => this.listeners.set(event, l));
    readonly on = vi.fn((event: string, l: Listener) => this.listeners.set(event, l));
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly isMinimized = vi.fn(() => this.minimized);
    readonly restore = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    constructor(options: FakeWindow['options']) {
      this.options = options;
      windows.push(this);
    }
  }
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn((event: string, l: Listener) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), l]);
      return app;
    }),
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of appListeners.get(event) ?? []) l(...args);
  };
  return {
    app,
    appListeners,
    emit,
    windows,
    FakeWindow,
    showErrorBox: vi.fn(),
    showMessageBoxSync: vi.fn(() => 0),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: { showErrorBox: fake.showErrorBox, showMessageBoxSync: fake.showMessageBoxSync },
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  session: fake.session,
  shell: { openExternal: vi.fn() },
}));

import type { Result } from '../../common/result';
import { startApp } from '../../electron/app';
import { dbFlag } from '../../electron/args';
import { backupIntoFolder } from '../../services/backup';
import { openApp } from '../../services/open-app';

let dir: string;
const bundleDir = '/opt/press-office/resources/app.asar/dist';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'press-office-electron-'));
  vi.clearAllMocks();
  fake.app.requestSingleInstanceLock.mockReturnValue(true);
  fake.appListeners.clear();
  fake.windows.length = 0;
});

afterEach(() => {
  fake.emit('will-quit');
  rmSync(dir, { recursive: true, force: true });
});

function start(argv: string[], env: NodeJS.ProcessEnv = {}) {
  startApp({ argv: ['/usr/bin/electron', '.', ...argv], env, bundleDir });
}

const ipcListener = () =>
  fake.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, method: unknown, input?: unknown) => Result<unknown>;
const fromApp = { senderFrame: { url: 'app://press-office/' } };

describe('single instance', () => {
  it('quits at once, opening nothing, when another instance holds the lock', () => {
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    start(['--db', join(dir, 'a.db')]);
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.appListeners.has('second-instance')).toBe(false);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    start(['--db', join(dir, 'a.db')]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const win = fake.windows[0];
    if (!win) throw new Error('no window');
    win.minimized = true;
    fake.emit('second-instance', {}, ['/usr/bin/electron', '.'], dir, {});
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('registers the app scheme before ready and hardens every webContents', () => {
    start(['--db', join(dir, 'a.db')]);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('opens the --db file, then serves app://, answers IPC and opens one hardened window', async () => {
    const file = join(dir, 'office.db');
    start(['--db', file]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(fake.windows[0]?.options.webPreferences?.preload).toBe(join(bundleDir, 'preload.cjs'));
    expect(fake.windows[0]?.options.webPreferences?.devTools).toBe(true);
    expect(await ipcListener()(fromApp, 'app.info', {})).toMatchObject({
      ok: true,
      value: { dbPath: file, mode: 'electron' },
    });
  });

  it('uses PRESS_OFFICE_DB when there is no --db flag', async () => {
    const file = join(dir, 'from-env.db');
    start([], { PRESS_OFFICE_DB: file });
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(await ipcListener()(fromApp, 'app.info', {})).toMatchObject({ ok: true, value: { dbPath: file } });
  });

  it('closes the database and removes the IPC handler on quit', async () => {
    start(['--db', join(dir, 'a.db')]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    fake.emit('will-quit');
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith('press-office:invoke');
    const after = await ipcListener()(fromApp, 'departments.list', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
    fake.appListeners.delete('will-quit');
  });

  it('quits when the last window closes', async () => {
    start(['--db', join(dir, 'a.db')]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    fake.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(fake.app.quit).toHaveBeenCalled();
  });

  it.each([
    ['a zero-byte file', Buffer.alloc(0), /empty \(0 bytes\)/],
    ['a foreign file', Buffer.from('name,department\n王敏,宣传部\n'), /not a SQLite database/],
  ])('refuses %s with an error box and quits, leaving it untouched', async (_what, content, message) => {
    const file = join(dir, 'bad.db');
    writeFileSync(file, content);
    start(['--db', file]);
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, body] = fake.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toContain('无法打开数据库');
    expect(body).toMatch(message);
    expect(readFileSync(file)).toEqual(content);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.protocol.handle).not.toHaveBeenCalled();
  });
});

describe('recovery from an unreadable database', () => {
  it('offers the latest good backup, restores it when asked, and keeps the bad file aside', async () => {
    const file = join(dir, 'press-office.db');
    const good = openApp(file, { mode: 'cli' });
    await backupIntoFolder(good.client, file, 'auto', new Date('2026-11-20T08:00:00Z'));
    good.close();
    writeFileSync(file, Buffer.alloc(0));
    start(['--db', file]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.showMessageBoxSync).toHaveBeenCalledTimes(1);
    const [options] = fake.showMessageBoxSync.mock.calls[0] as unknown as [{ message: string; detail: string }];
    expect(options.message).toMatch(/empty \(0 bytes\)/);
    expect(options.detail).toContain('2026-11-20T08:00:00Z');
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(readdirSync(dir).some((f) => f.startsWith('press-office.db.before-restore-'))).toBe(true);
    expect(fake.app.exit).not.toHaveBeenCalled();
  });

  it('quits without touching anything when the office declines', async () => {
    const file = join(dir, 'press-office.db');
    const good = openApp(file, { mode: 'cli' });
    await backupIntoFolder(good.client, file, 'auto', new Date('2026-11-20T08:00:00Z'));
    good.close();
    writeFileSync(file, Buffer.alloc(0));
    fake.showMessageBoxSync.mockReturnValueOnce(1);
    start(['--db', file]);
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(statSync(file).size).toBe(0);
    expect(fake.windows).toHaveLength(0);
  });
});

describe('dbFlag', () => {
  it.each([
    [['--db', 'a.db'], 'a.db'],
    [['--db=b.db'], 'b.db'],
    [['--no-sandbox', '--db', '/x/办公.db', '--enable-logging'], '/x/办公.db'],
    [['--db', 'a.db', '--db=c.db'], 'c.db'],
    [['--db'], undefined],
    [['--db', '--inspect'], undefined],
    [['--db='], undefined],
    [['--dbx=a'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(dbFlag(argv)).toBe(expected);
  });
});
