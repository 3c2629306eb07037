// The preload exposes one invoke() for contract methods; never ipcRenderer, never the event.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

type Bridge = { invoke: (method: unknown, input?: unknown) => Promise<unknown> };
let key: unknown;
let bridge: Bridge;

beforeAll(async () => {
  await import('../../electron/preload');
  expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
  [key, bridge] = fake.exposeInMainWorld.mock.calls[0] as [string, Bridge];
});

beforeEach(() => fake.invoke.mockClear());

describe('preload', () => {
  it('exposes window.pressOffice with invoke and nothing else, frozen', () => {
    expect(key).toBe('pressOffice');
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(fake.invoke);
  });

  it('forwards a contract method on the one channel, with the input only', async () => {
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0' } });
    const r = await bridge.invoke('app.info', {});
    expect(fake.invoke).toHaveBeenCalledWith('press-office:invoke', 'app.info', {});
    expect(r).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it.each([
    'nope',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    'app',
    1,
    null,
    undefined,
    { toString: () => 'app.info' },
  ])('answers the non-contract name %s with unknown_method without calling main', async (method) => {
    const r = await bridge.invoke(method, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call (uncloneable input) into a Result, not a rejection', async () => {
    fake.invoke.mockImplementationOnce(() => Promise.reject(new Error('An object could not be cloned.')));
    const r = await bridge.invoke('departments.list', { search: () => 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('cloned') } });
  });
});
