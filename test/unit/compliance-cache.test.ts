// compliance.year keeps its reports until the data changes: a write through this connection, or a
// commit by another one (the CLI beside the app), makes the next request compute afresh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../services/dispatch';
import { type OpenedApp, openApp } from '../../services/open-app';
import { testApp } from './helpers/app';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Report = { departments: { departmentId: string; name: string }[] };
const call = (
  app: OpenedApp,
  method: 'compliance.year',
  input: { year: number; quarter?: 1 | 2 | 3 | 4; asOf?: string },
) => {
  const r = dispatch(app.ctx, method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Report;
};

const rename = (app: OpenedApp, name: string) => {
  const r = dispatch(app.ctx, 'departments.update', {
    id: 'rizhao-15',
    fields: { name, fullName: `日照市${name}`, listed: true, listedFrom: '2014-07-01' },
  });
  if (!r.ok) throw new Error(r.error.message);
};
const nameIn = (report: Report) => report.departments.find((d) => d.departmentId === 'rizhao-15')?.name;

describe('compliance reports kept between writes', () => {
  it('answers a repeated request with the kept report, and computes afresh after a write', () => {
    const app = testApp({ now: '2026-05-10T09:00:00+08:00' });
    try {
      const first = call(app, 'compliance.year', { year: 2026 });
      expect(call(app, 'compliance.year', { year: 2026 })).toBe(first);
      expect(call(app, 'compliance.year', { year: 2026, quarter: 2 })).not.toBe(first);
      expect(call(app, 'compliance.year', { year: 2026, asOf: '2026-12-31' })).not.toBe(first);
      rename(app, '市卫健委');
      const after = call(app, 'compliance.year', { year: 2026 });
      expect(after).not.toBe(first);
      expect(nameIn(after)).toBe('市卫健委');
      expect(nameIn(first)).not.toBe('市卫健委');
    } finally {
      app.close();
    }
  });

  it('sees a commit by another connection to the same file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-office-cache-'));
    dirs.push(dir);
    const path = join(dir, 'office.db');
    const now = () => new Date('2026-05-10T09:00:00+08:00');
    const ui = openApp(path, { mode: 'cli', now });
    const cli = openApp(path, { mode: 'cli', now });
    try {
      const first = call(ui, 'compliance.year', { year: 2026 });
      expect(call(ui, 'compliance.year', { year: 2026 })).toBe(first);
      rename(cli, '市卫健委');
      const after = call(ui, 'compliance.year', { year: 2026 });
      expect(after).not.toBe(first);
      expect(nameIn(after)).toBe('市卫健委');
    } finally {
      cli.close();
      ui.close();
    }
  });
});
