// The first screen's answer given ahead (dispatch.ts answerAhead, asked by services/startup.ts at start-up)
// is handed to the first call asking the same, once, and only while it is still what that call would compute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../../common/conference-types';
import type { Result } from '../../common/result';
import { AHEAD_FRESH_MS, answerAhead, dispatch, dispatchAsync } from '../../services/dispatch';
import { type OpenedApp, openApp } from '../../services/open-app';
import { testApp } from './helpers/app';

const dirs: string[] = [];
const apps: OpenedApp[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const a of apps.splice(0)) a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dashboardOf(r: Result<unknown>): Dashboard {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Dashboard;
}
const ask = (app: OpenedApp, input: { asOf?: string } = {}) => dashboardOf(dispatch(app.ctx, 'dashboard.get', input));
const atRiskName = (d: Dashboard) => d.atRisk.find((x) => x.departmentId === 'rizhao-15')?.name;

function rename(app: OpenedApp, name: string): void {
  const r = dispatch(app.ctx, 'departments.update', {
    id: 'rizhao-15',
    fields: { name, fullName: `日照市${name}`, listed: true, listedFrom: '2014-07-01' },
  });
  if (!r.ok) throw new Error(r.error.message);
}

function opened(): ReturnType<typeof testApp> {
  const app = testApp({ now: '2026-05-10T09:00:00+08:00' });
  apps.push(app);
  return app;
}

describe('an answer given ahead', () => {
  it('goes to the first call asking the same, once; another question leaves it kept', async () => {
    const app = opened();
    const ahead = dashboardOf(await answerAhead(app.ctx, 'dashboard.get', {}));
    expect(ahead.atRisk.length).toBeGreaterThan(0);
    expect(ask(app, { asOf: '2026-05-11' })).not.toBe(ahead);
    expect(dashboardOf(await dispatchAsync(app.ctx, 'dashboard.get', {}))).toBe(ahead);
    const again = ask(app);
    expect(again).not.toBe(ahead);
    expect(again).toEqual(ahead);
  });

  it('runs the dashboard read by read: a call meanwhile waits for it and gets it', async () => {
    const app = opened();
    const computing = answerAhead(app.ctx, 'dashboard.get', {});
    // answerAhead has paused after its first read; the window's call arrives now.
    const windows = dispatchAsync(app.ctx, 'dashboard.get', {});
    const ahead = dashboardOf(await computing);
    expect(dashboardOf(await windows)).toBe(ahead);
    expect(ahead).toEqual(ask(app));
  });

  it('is not kept when something is written between its reads', async () => {
    const app = opened();
    const computing = answerAhead(app.ctx, 'dashboard.get', {});
    rename(app, '市卫健委');
    const windows = dispatchAsync(app.ctx, 'dashboard.get', {});
    const ahead = dashboardOf(await computing);
    const got = dashboardOf(await windows);
    expect(got).not.toBe(ahead);
    expect(atRiskName(got)).toBe('市卫健委');
  });

  it('is not handed over after a write through this connection', async () => {
    const app = opened();
    const ahead = dashboardOf(await answerAhead(app.ctx, 'dashboard.get', {}));
    rename(app, '市卫健委');
    const after = ask(app);
    expect(after).not.toBe(ahead);
    expect(atRiskName(after)).toBe('市卫健委');
    expect(atRiskName(ahead)).not.toBe('市卫健委');
  });

  it('is not handed over after a commit by another connection to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-office-ahead-'));
    dirs.push(dir);
    const path = join(dir, 'office.db');
    const now = () => new Date('2026-05-10T09:00:00+08:00');
    const ui = openApp(path, { mode: 'cli', now });
    apps.push(ui);
    const cli = openApp(path, { mode: 'cli', now });
    apps.push(cli);
    const ahead = dashboardOf(await answerAhead(ui.ctx, 'dashboard.get', {}));
    rename(cli, '市卫健委');
    const after = ask(ui);
    expect(after).not.toBe(ahead);
    expect(atRiskName(after)).toBe('市卫健委');
  });

  it(`is not handed over once older than ${AHEAD_FRESH_MS} ms, nor on another day`, async () => {
    const app = opened();
    const stale = dashboardOf(await answerAhead(app.ctx, 'dashboard.get', {}));
    const later = performance.now() + AHEAD_FRESH_MS + 1;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    expect(ask(app)).not.toBe(stale);
    vi.restoreAllMocks();

    const yesterday = dashboardOf(await answerAhead(app.ctx, 'dashboard.get', {}));
    app.setNow('2026-05-11T12:00:00+08:00');
    const today = ask(app);
    expect(today).not.toBe(yesterday);
    expect(today.asOf).toBe('2026-05-11');
  });

  it('is not handed to another database, and a failure is not kept', async () => {
    const app = opened();
    const other = opened();
    const ahead = dashboardOf(await answerAhead(app.ctx, 'dashboard.get', {}));
    expect(ask(other)).not.toBe(ahead);
    expect(ask(app)).toBe(ahead);

    const failed = await answerAhead(app.ctx, 'dashboard.get', { asOf: 'someday' });
    expect(failed.ok).toBe(false);
    expect(dispatch(app.ctx, 'dashboard.get', { asOf: 'someday' }).ok).toBe(false);
  });
});
