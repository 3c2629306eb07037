// The first screen's question asked once at start-up (services/startup.ts warmFirstScreen), with the
// handlers loaded on the way; and nothing asked once cancelled (the app quitting first).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmFirstScreen } from '../../services/startup';
import { testApp } from './helpers/app';

const asked: { method: unknown; ok: boolean }[] = [];
vi.mock('../../services/dispatch', async (load) => {
  const real = await load<typeof import('../../services/dispatch')>();
  return {
    ...real,
    dispatch: (...args: Parameters<typeof real.dispatch>) => {
      const result = real.dispatch(...args);
      asked.push({ method: args[1], ok: result.ok });
      return result;
    },
  };
});

afterEach(() => {
  asked.length = 0;
});

describe('warmFirstScreen', () => {
  it('asks for the dashboard once, right after start-up, and it answers', async () => {
    const app = testApp();
    try {
      warmFirstScreen(app);
      await vi.waitFor(() => expect(asked).toEqual([{ method: 'dashboard.get', ok: true }]), { timeout: 15_000 });
    } finally {
      app.close();
    }
  });

  it('asks nothing when cancelled before it ran', async () => {
    const app = testApp();
    try {
      warmFirstScreen(app)();
      // Long enough for the handlers' module to load and the question to have run, had it not been cancelled.
      await import('../../services/dispatch');
      await new Promise((done) => setTimeout(done, 50));
      expect(asked).toEqual([]);
    } finally {
      app.close();
    }
  });
});
