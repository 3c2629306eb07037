// The 舆情 register's clock arithmetic: time left, overdue by, answered late, the deadline the editor
// shows before saving, and the instant the pickers send.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  deadlineFor,
  deadlinePhrase,
  deadlineState,
  formatInstant,
  previewDeadline,
  toInstant,
} from '../../../renderer/src/components/opinions/opinion-time';
import { interpolate } from '../../../renderer/src/i18n/interpolate';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const at = (iso: string) => Date.parse(iso);
const deadlineAt = '2026-11-28T01:30:00.000Z'; // 09:30 in Rizhao

function text(item: Parameters<typeof deadlineState>[0], now: number): string {
  const phrase = deadlinePhrase(deadlineState(item, now));
  return interpolate(zhCN[phrase.key], phrase.params);
}

describe('deadlineState and its words', () => {
  it('counts whole hours left, and minutes in the last hour', () => {
    expect(text({ deadlineAt, answeredAt: null }, at('2026-11-27T10:00:00+08:00'))).toBe('剩余 23 小时');
    expect(text({ deadlineAt, answeredAt: null }, at('2026-11-28T08:29:59+08:00'))).toBe('剩余 1 小时');
    expect(text({ deadlineAt, answeredAt: null }, at('2026-11-28T08:45:00+08:00'))).toBe('剩余 45 分钟');
  });

  it('says how long an open item is overdue', () => {
    expect(text({ deadlineAt, answeredAt: null }, at('2026-11-28T16:00:00+08:00'))).toBe('已超时 6 小时');
    expect(text({ deadlineAt, answeredAt: null }, at('2026-11-28T09:50:00+08:00'))).toBe('已超时 20 分钟');
    // From three days on, in whole days.
    expect(text({ deadlineAt, answeredAt: null }, at('2026-12-01T09:29:00+08:00'))).toBe('已超时 71 小时');
    expect(text({ deadlineAt, answeredAt: null }, at('2026-12-01T09:30:00+08:00'))).toBe('已超时 3 天');
    expect(text({ deadlineAt, answeredAt: null }, at('2027-11-28T09:30:00+08:00'))).toBe('已超时 365 天');
    // At the deadline itself the time is up.
    expect(deadlineState({ deadlineAt, answeredAt: null }, at(deadlineAt)).kind).toBe('overdue');
  });

  it('believes the server when it already counts the item overdue', () => {
    const state = deadlineState({ deadlineAt, answeredAt: null, overdue: true }, at('2026-11-28T09:29:00+08:00'));
    expect(state).toEqual({ kind: 'overdue', minutes: 0 });
  });

  it('judges an answered item by its answer, not by the clock', () => {
    const late = '2026-11-28T12:40:00+08:00';
    expect(text({ deadlineAt, answeredAt: late }, at('2026-12-30T00:00:00Z'))).toBe('超时 3 小时回应');
    expect(text({ deadlineAt, answeredAt: '2026-12-05T10:00:00+08:00' }, at('2026-12-30T00:00:00Z'))).toBe(
      '超时 7 天回应',
    );
    expect(text({ deadlineAt, answeredAt: '2026-11-28T09:30:00+08:00' }, at('2026-12-30T00:00:00Z'))).toBe('按时回应');
  });
});

describe('the deadline before saving', () => {
  const hours = { general: 72, major: 36, severe: 24 } as const;
  const hoursOf = (g: keyof typeof hours) => hours[g];

  it('is detection plus the grade’s hours for a new item', () => {
    expect(previewDeadline({ grade: 'severe', detectedAt: '2026-11-27T09:30:00+08:00' }, null, hoursOf)).toBe(
      deadlineAt,
    );
    expect(deadlineFor('2026-11-28T08:00:00+08:00', 36)).toBe('2026-11-29T12:00:00.000Z');
    expect(previewDeadline({ grade: 'severe', detectedAt: null }, null, hoursOf)).toBeNull();
    expect(deadlineFor('not a time', 24)).toBeNull();
  });

  it('stays as saved while the grade and the detection time are unchanged, whatever the hours now', () => {
    const saved = { grade: 'major' as const, detectedAt: '2026-11-27T01:30:00.000Z', deadlineAt: 'kept' };
    // The same instant written with its offset is the same detection time.
    expect(previewDeadline({ grade: 'major', detectedAt: '2026-11-27T09:30:00+08:00' }, saved, hoursOf)).toBe('kept');
    expect(previewDeadline({ grade: 'severe', detectedAt: '2026-11-27T09:30:00+08:00' }, saved, hoursOf)).toBe(
      deadlineAt,
    );
  });
});

describe('instants', () => {
  it('sends local time with its offset, to the minute', () => {
    const sent = toInstant(dayjs('2026-11-27T09:30:45.123'));
    expect(sent).toMatch(/^2026-11-27T09:30:00[+-]\d{2}:\d{2}$/);
    expect(formatInstant(sent)).toBe('2026-11-27 09:30');
    expect(formatInstant(null)).toBe('');
  });
});
