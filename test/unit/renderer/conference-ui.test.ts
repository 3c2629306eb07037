// The conference screens' pure parts: routes round-trip, every planner problem kind and quota status
// has a message in both languages, and a cell's colour is its worst status.
import { describe, expect, it } from 'vitest';
import type { PlanProblemKind } from '../../../common/domain/planner';
import type { QuotaStatus } from '../../../common/domain/quota';
import { worstStatus } from '../../../renderer/src/components/conference-tags';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { parseRoute, type Route, routeHref } from '../../../renderer/src/routing';

const KINDS: Record<PlanProblemKind, true> = {
  quarter_ended: true,
  no_working_days: true,
  too_few_working_days: true,
  no_responsible_person: true,
  no_head: true,
  no_quarter_left_for_head: true,
  person_busy: true,
  no_spokesperson: true,
  untrained_spokesperson: true,
  holidays_unknown: true,
};

describe('routes', () => {
  it('round-trip through the hash', () => {
    const routes: Route[] = [
      { page: 'dashboard' },
      { page: 'register' },
      { page: 'department', id: 'rizhao-01' },
      { page: 'conferences' },
      { page: 'conferenceNew' },
      { page: 'conferenceNew', date: '2026-02-10' },
      { page: 'conference', id: 'c 1' },
      { page: 'conferenceEdit', id: 'c1' },
      { page: 'checkIn', id: 'c1' },
      { page: 'print', id: 'c1' },
      { page: 'calendar' },
      { page: 'planner' },
      { page: 'compliance' },
      { page: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });

  it('lands on the dashboard for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ page: 'dashboard' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'dashboard' });
  });
});

describe('catalog coverage', () => {
  it('names every planner problem kind in both languages', () => {
    for (const kind of Object.keys(KINDS)) {
      const key = `planner.problem.${kind}` as keyof typeof zhCN;
      expect(zhCN[key], kind).toBeTruthy();
      expect(enUS[key], kind).toBeTruthy();
    }
  });

  it('names every quota status', () => {
    for (const s of ['met', 'missed', 'pending', 'upcoming', 'exempt'] satisfies QuotaStatus[]) {
      expect(zhCN[`quotaStatus.${s}`]).toBeTruthy();
    }
  });
});

describe('worstStatus', () => {
  it('colours a cell by its worst status', () => {
    expect(worstStatus(['met', 'pending'])).toBe('pending');
    expect(worstStatus(['met', 'missed'])).toBe('missed');
    expect(worstStatus(['exempt', 'met'])).toBe('met');
    expect(worstStatus(['exempt', 'exempt'])).toBe('exempt');
    expect(worstStatus(['upcoming', 'met'])).toBe('upcoming');
  });
});
