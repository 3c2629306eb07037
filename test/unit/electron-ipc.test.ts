// The one IPC channel: own-origin frames only, contract methods only, Results never exceptions.
// Round-trips go to a real in-memory database.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  handle: vi.fn(),
  removeHandler: vi.fn(),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: fake.handle, removeHandler: fake.removeHandler, on: vi.fn() },
}));

import type { Result } from '../../common/result';
import { IPC_CHANNEL } from '../../electron/constants';
import { isAppSender, registerIpc } from '../../electron/ipc';
import { type OpenedApp, openApp } from '../../services/open-app';

type Listener = (event: unknown, method: unknown, input?: unknown) => Result<unknown> | Promise<Result<unknown>>;

let opened: OpenedApp;
let call: (frameUrl: string | null, method: unknown, input?: unknown) => Promise<Result<unknown>>;

beforeEach(() => {
  fake.handle.mockClear();
  fake.removeHandler.mockClear();
  opened = openApp(':memory:', { mode: 'electron', actor: 'tester' });
  registerIpc(opened.ctx);
  const listener = fake.handle.mock.calls[0]?.[1] as Listener;
  call = async (frameUrl, method, input) =>
    listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, method, input);
});

afterEach(() => opened.close());

const APP_PAGE = 'app://press-office/';

describe('registerIpc', () => {
  it('registers exactly one channel with ipcMain.handle', () => {
    expect(fake.handle).toHaveBeenCalledTimes(1);
    expect(fake.handle.mock.calls[0]?.[0]).toBe(IPC_CHANNEL);
    expect(IPC_CHANNEL).toBe('press-office:invoke');
  });

  it('removes that channel when disposed', () => {
    const dispose = registerIpc(opened.ctx);
    dispose();
    expect(fake.removeHandler).toHaveBeenCalledWith(IPC_CHANNEL);
  });

  it('round-trips a contract method from the app page to the database', async () => {
    const info = await call(APP_PAGE, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dbPath: ':memory:' } });
    const list = await call(`${APP_PAGE}departments?x=1#top`, 'departments.list', {});
    expect(list.ok).toBe(true);
    if (list.ok) expect(Array.isArray(list.value)).toBe(true);
  });

  it('answers a write with a Result and never returns the event', async () => {
    const r = await call(APP_PAGE, 'settings.update', { userName: '王敏' });
    expect(r).toMatchObject({ ok: true, value: { userName: '王敏' } });
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file page', 'file:///tmp/index.html'],
    ['a data: page', 'data:text/html,<script></script>'],
    ['another app host', 'app://other/'],
    ['the app host on a port', 'app://press-office:1/'],
    ['credentials in the URL', 'app://user@press-office/'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
    ['a disposed frame', null],
  ])('refuses a call from %s before any handler runs', async (_what, frameUrl) => {
    const r = await call(frameUrl, 'settings.update', { userName: 'intruder' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = await call(APP_PAGE, 'settings.get', {});
    expect(after.ok && (after.value as { userName?: string }).userName).not.toBe('intruder');
  });

  it('refuses a frame whose senderFrame getter throws', async () => {
    const listener = fake.handle.mock.calls[0]?.[1] as Listener;
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await listener(event, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each(['nope', 'constructor', '__proto__', 'toString', 'departments', 42, null, undefined])(
    'refuses the non-contract method %s',
    async (method) => {
      expect(await call(APP_PAGE, method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    },
  );

  it('answers invalid input with invalid_input, not an exception', async () => {
    const r = await call(APP_PAGE, 'departments.get', { id: 42 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('isAppSender', () => {
  it('accepts only frames showing the app origin', async () => {
    expect(isAppSender({ url: 'app://press-office/index.html' })).toBe(true);
    expect(isAppSender({ url: 'app://press-office.evil/' })).toBe(false);
    expect(isAppSender({ url: 'http://press-office/' })).toBe(false);
    expect(isAppSender(null)).toBe(false);
    expect(isAppSender(undefined)).toBe(false);
  });
});
