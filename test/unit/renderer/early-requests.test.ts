// @vitest-environment jsdom
// The first screen's requests sent before the app's code has loaded (renderer/src/early-requests.ts):
// the token is read from the address first, the dashboard is asked for only on the dashboard, and the
// app's first call of each method takes the early answer instead of asking again — once.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const bridge = vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } }));

beforeEach(() => {
  vi.resetModules();
  bridge.mockClear();
  window.sessionStorage.clear();
  (window as unknown as { pressOffice: unknown }).pressOffice = { invoke: bridge };
});

async function start(hash: string) {
  window.history.replaceState(null, '', `/index.html${hash}`);
  await import('../../../renderer/src/early-requests');
  const client = await import('../../../renderer/src/api/client');
  const token = await import('../../../renderer/src/api/session-token');
  return { invoke: client.invoke, sessionToken: token.sessionToken };
}

describe('early requests', () => {
  it('asks for the settings and the dashboard on the dashboard, and the app takes each answer once', async () => {
    const { invoke } = await start('#/dashboard');
    expect(bridge.mock.calls.map((c) => c[0])).toEqual(['settings.get', 'dashboard.get']);
    await expect(invoke('dashboard.get', {})).resolves.toEqual({ method: 'dashboard.get', input: {} });
    await invoke('settings.get', {});
    expect(bridge).toHaveBeenCalledTimes(2);
    // Taken: a later call asks again.
    await invoke('dashboard.get', {});
    expect(bridge).toHaveBeenCalledTimes(3);
  });

  it('asks for the dashboard when the address has no route (the app opens on it)', async () => {
    await start('');
    expect(bridge.mock.calls.map((c) => c[0])).toEqual(['settings.get', 'dashboard.get']);
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('asks only for the settings on another screen', async () => {
    await start('#/conferences');
    expect(bridge.mock.calls.map((c) => c[0])).toEqual(['settings.get']);
  });

  it('reads and strips the browser-mode token before asking', async () => {
    const { sessionToken } = await start('#/dashboard&token=abc123');
    expect(sessionToken()).toBe('abc123');
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('does not hand an early answer to a call with other input', async () => {
    const { invoke } = await start('#/dashboard');
    await invoke('dashboard.get', { asOf: '2026-01-05' } as never);
    expect(bridge).toHaveBeenCalledTimes(3);
    expect(bridge.mock.calls[2]).toEqual(['dashboard.get', { asOf: '2026-01-05' }]);
  });
});
