// Working days in China: weekends and statutory holidays are off, 调休 make-up days are working days.
// The State Council announces a year's holidays late in the year before, so a year the holiday
// data does not cover yet is planned on weekends alone, with a warning.
import { addDays } from '../dates';

export interface HolidayData {
  /** date → description, e.g. "Spring Festival,春节,4" */
  holidays: Record<string, string>;
  /** 调休 make-up working days that fall on weekends. */
  workdays: Record<string, string>;
}

export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string | null;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** Holiday or make-up day name (Chinese), when known. */
  name: string | null;
  /** True when an office override decided the day. */
  overridden: boolean;
}

export class WorkCalendar {
  private readonly holidays: Map<string, string>;
  private readonly workdays: Map<string, string>;
  private readonly overrides: Map<string, CalendarOverride>;
  readonly coveredYears: ReadonlySet<number>;

  constructor(data: HolidayData, overrides: readonly CalendarOverride[] = []) {
    this.holidays = new Map(Object.entries(data.holidays));
    this.workdays = new Map(Object.entries(data.workdays));
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
    const years = new Set<number>();
    for (const d of this.holidays.keys()) years.add(Number(d.slice(0, 4)));
    // A year whose holidays the office entered by hand counts as covered.
    for (const o of overrides) if (o.kind === 'holiday') years.add(Number(o.date.slice(0, 4)));
    this.coveredYears = years;
  }

  isCovered(year: number): boolean {
    return this.coveredYears.has(year);
  }

  day(date: string): DayInfo {
    const override = this.overrides.get(date);
    if (override) {
      return {
        date,
        kind: override.kind === 'holiday' ? 'holiday' : 'makeup',
        name: override.name ?? null,
        overridden: true,
      };
    }
    const holiday = this.holidays.get(date);
    if (holiday) return { date, kind: 'holiday', name: holidayName(holiday), overridden: false };
    const makeup = this.workdays.get(date);
    if (makeup) return { date, kind: 'makeup', name: holidayName(makeup), overridden: false };
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return { date, kind: weekday === 0 || weekday === 6 ? 'weekend' : 'workday', name: null, overridden: false };
  }

  isWorkingDay(date: string): boolean {
    const kind = this.day(date).kind;
    return kind === 'workday' || kind === 'makeup';
  }

  /** Working days in [from, to], in order. */
  workingDays(from: string, to: string): string[] {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) out.push(d);
    return out;
  }
}

/** "Spring Festival,春节,4" → "春节". */
function holidayName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0] ?? raw;
}
