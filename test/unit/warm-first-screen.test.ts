// The first screen's question answered ahead once at start-up (services/startup.ts warmFirstScreen), with
// the handlers loaded on the way, and the window's own first ask given that answer; nothing asked once
// cancelled (the app quitting first).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../common/result';
import { warmFirstScreen } from '../../services/startup';
import { testApp } from './helpers/app';

const asked: { method: unknown; result: Result<unknown> }[] = [];
vi.mock('../../services/dispatch', async (load) => {
  const real = await load<typeof import('../../services/dispatch')>();
  return {
    ...real,
    answerAhead: async (...args: Parameters<typeof real.answerAhead>) => {
      const result = await real.answerAhead(...args);
      asked.push({ method: args[1], result });
      return result;
    },
  };
});

afterEach(() => {
  asked.length = 0;
});

describe('warmFirstScreen', () => {
  it('answers the dashboard once, right after start-up, and the window gets that answer', async () => {
    const app = testApp();
    try {
      warmFirstScreen(app);
      await vi.waitFor(() => expect(asked.map((a) => [a.method, a.result.ok])).toEqual([['dashboard.get', true]]), {
        timeout: 15_000,
      });
      const ahead = asked[0]?.result;
      const { dispatchAsync } = await import('../../services/dispatch');
      const windows = await dispatchAsync(app.ctx, 'dashboard.get', {});
      expect(windows.ok && ahead?.ok && windows.value === ahead.value).toBe(true);
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
