// How dates and times are written in Chinese official documents (2026年11月27日, 第四季度, 上午9:30).
// Pure: used to fill templates in main and to preview them in the renderer.
import { isValidDate } from '../dates';

const QUARTER_CN = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const WEEKDAY_CN = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** `2026-11-27` → `2026年11月27日` (no leading zeros, as GB/T 9704 writes 成文日期); null for a non-date. */
export function dateCn(date: string): string | null {
  if (!isValidDate(date)) return null;
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `2026-11-27` → `星期五`; null for a non-date. */
export function weekdayCn(date: string): string | null {
  if (!isValidDate(date)) return null;
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  return WEEKDAY_CN[day.getUTCDay()] ?? null;
}

/** 1..4 → `第一季度`..`第四季度`. */
export function quarterCn(quarter: number): string | null {
  return QUARTER_CN[quarter - 1] ?? null;
}

/** The quarter (1..4) a `YYYY-MM-DD` date falls in; null for a non-date. */
export function quarterOfDate(date: string): number | null {
  if (!isValidDate(date)) return null;
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** `09:30` → `上午9:30`, `12:00` → `中午12:00`, `14:30` → `下午2:30`, `19:00` → `晚上7:00`; null for a non-time. */
export function timeCn(time: string): string | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2];
  if (hour < 12) return `上午${hour}:${minute}`;
  if (hour < 13) return `中午${hour}:${minute}`;
  if (hour < 18) return `下午${hour - 12}:${minute}`;
  return `晚上${hour - 12}:${minute}`;
}
