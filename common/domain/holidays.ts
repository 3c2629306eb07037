// China's statutory holidays and 调休 make-up working days, from the maintained `chinese-days` data.
import data from 'chinese-days/dist/chinese-days.json';
import { type CalendarOverride, type HolidayData, WorkCalendar } from './calendar';

export const CHINESE_HOLIDAYS: HolidayData = { holidays: data.holidays, workdays: data.workdays };

export function chineseWorkCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  return new WorkCalendar(CHINESE_HOLIDAYS, overrides);
}
