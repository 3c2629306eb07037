// The 舆情 register's clock arithmetic: where an item stands against its 回应时限 and how that reads.
// Pure functions of the item and `now`, so the list, the editor and the dashboard say the same.
import dayjs from 'dayjs';
import type { OpinionView } from '../../../../common/opinion-types';
import type { MessageKey } from '../../i18n/zh-CN';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type DeadlineState =
  /** Still open, `minutes` left before the deadline. */
  | { kind: 'left'; minutes: number }
  /** Still open and past the deadline by `minutes`. */
  | { kind: 'overdue'; minutes: number }
  /** Answered at or before the deadline. */
  | { kind: 'onTime' }
  /** Answered after the deadline, by `minutes`. */
  | { kind: 'late'; minutes: number };

type Timed = Pick<OpinionView, 'deadlineAt' | 'answeredAt'> & { overdue?: boolean };

/**
 * Where an item stands at `now` (ms). The server's `overdue` flag wins over the local clock when the
 * two disagree by a few minutes, so the list never shows an item the server counts as late as in time.
 */
export function deadlineState(item: Timed, now: number): DeadlineState {
  const deadline = Date.parse(item.deadlineAt);
  if (item.answeredAt) {
    const late = Date.parse(item.answeredAt) - deadline;
    return late > 0 ? { kind: 'late', minutes: Math.floor(late / MINUTE) } : { kind: 'onTime' };
  }
  const left = deadline - now;
  if (left > 0 && !item.overdue) return { kind: 'left', minutes: Math.floor(left / MINUTE) };
  return { kind: 'overdue', minutes: Math.max(0, Math.floor(-left / MINUTE)) };
}

export interface Phrase {
  key: MessageKey;
  params: Record<string, number>;
}

/** "剩余 N 小时" / "已超时 N 小时": whole hours, minutes under the first hour. */
export function deadlinePhrase(state: DeadlineState): Phrase {
  switch (state.kind) {
    case 'onTime':
      return { key: 'opinions.deadline.onTime', params: {} };
    case 'left':
      return state.minutes < 60
        ? { key: 'opinions.deadline.leftMinutes', params: { minutes: state.minutes } }
        : { key: 'opinions.deadline.leftHours', params: { hours: Math.floor(state.minutes / 60) } };
    case 'overdue':
      if (state.minutes >= DAYS_FROM_MINUTES)
        return { key: 'opinions.deadline.overdueDays', params: { days: Math.floor(state.minutes / DAY_MINUTES) } };
      return state.minutes < 60
        ? { key: 'opinions.deadline.overdueMinutes', params: { minutes: state.minutes } }
        : { key: 'opinions.deadline.overdueHours', params: { hours: Math.floor(state.minutes / 60) } };
    case 'late':
      if (state.minutes >= DAYS_FROM_MINUTES)
        return { key: 'opinions.deadline.lateDays', params: { days: Math.floor(state.minutes / DAY_MINUTES) } };
      return state.minutes < 60
        ? { key: 'opinions.deadline.lateMinutes', params: { minutes: state.minutes } }
        : { key: 'opinions.deadline.lateHours', params: { hours: Math.floor(state.minutes / 60) } };
  }
}

const DAY_MINUTES = 24 * 60;
/** From three days on, how late an item is reads in whole days (已超时 86561 小时 says little). */
const DAYS_FROM_MINUTES = 3 * DAY_MINUTES;

/** The deadline an item gets when saved: detection plus the grade's hours, as the server computes it. */
export function deadlineFor(detectedAt: string, hours: number): string | null {
  const detected = Date.parse(detectedAt);
  if (Number.isNaN(detected)) return null;
  return new Date(detected + hours * HOUR).toISOString();
}

/**
 * The deadline the editor shows before saving. A saved item keeps its deadline unless its grade or
 * detection time changes (the server moves it only then), so a later change of the grade's hours
 * does not move it either.
 */
export function previewDeadline(
  values: { grade: OpinionView['grade'] | undefined; detectedAt: string | null | undefined },
  saved: Pick<OpinionView, 'grade' | 'detectedAt' | 'deadlineAt'> | null,
  hoursOf: (grade: OpinionView['grade']) => number | undefined,
): string | null {
  if (!values.grade || !values.detectedAt) return null;
  if (saved && saved.grade === values.grade && Date.parse(saved.detectedAt) === Date.parse(values.detectedAt)) {
    return saved.deadlineAt;
  }
  const hours = hoursOf(values.grade);
  return hours === undefined ? null : deadlineFor(values.detectedAt, hours);
}

/** An instant as the office reads it: local date and time to the minute. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

/** The instant the app sends: local time with its offset, e.g. 2026-11-27T09:30:00+08:00. */
export function toInstant(d: dayjs.Dayjs): string {
  return d.second(0).millisecond(0).format();
}
