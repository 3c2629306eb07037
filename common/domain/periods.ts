// Quarters and years as closed date ranges of `YYYY-MM-DD` strings.
export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export interface Period {
  start: string;
  end: string;
}

const QUARTER_BOUNDS: Record<Quarter, [string, string]> = {
  1: ['01-01', '03-31'],
  2: ['04-01', '06-30'],
  3: ['07-01', '09-30'],
  4: ['10-01', '12-31'],
};

export function quarterPeriod(year: number, quarter: Quarter): Period {
  const [s, e] = QUARTER_BOUNDS[quarter];
  const y = String(year).padStart(4, '0');
  return { start: `${y}-${s}`, end: `${y}-${e}` };
}

export function yearPeriod(year: number): Period {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

export function quarterOf(date: string): { year: number; quarter: Quarter } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

export function contains(period: Period, date: string): boolean {
  return period.start <= date && date <= period.end;
}

/** True when the two closed ranges share at least one day; null bounds are open. */
export function overlaps(period: Period, from: string | null, until: string | null): boolean {
  return (from === null || from <= period.end) && (until === null || until >= period.start);
}

/** True when the whole period lies inside the range; null bounds are open. */
export function covers(from: string | null, until: string | null, period: Period): boolean {
  return (from === null || from <= period.start) && (until === null || until >= period.end);
}
