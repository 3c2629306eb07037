// The office works in China time; the log stores UTC instants. Run in Asia/Shanghai so that the
// difference shows whatever time zone the test machine has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './helpers/app';
import { call } from './helpers/call';

const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = saved;
});

describe('audit dates', () => {
  it('filters by the office’s calendar days, not UTC days', () => {
    const app = testApp();
    // 00:30 on 15 March in Beijing is still 14 March in UTC.
    app.setNow('2026-03-15T00:30:00+08:00');
    call(app, 'people.create', { departmentId: 'rizhao-01', name: '早班', role: 'deputy' });
    expect(call(app, 'audit.list', { entity: 'person', from: '2026-03-15', to: '2026-03-15' }).total).toBe(1);
    expect(call(app, 'audit.list', { entity: 'person', from: '2026-03-14', to: '2026-03-14' }).total).toBe(0);
  });
});
