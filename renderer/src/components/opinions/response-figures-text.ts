// How the response figures read: row labels from the server's keys, shares as percentages.
import type { ResponseStatsRow } from '../../../../common/opinion-types';
import type { Translate } from '../../i18n/use-t';

/** 0.6667 → 66.7: one decimal, none when whole. */
export function percentOf(share: number): string {
  return String(Math.round(share * 1000) / 10);
}

/**
 * A row's label in the user's language: the server keys quarters `2026-Q3`, the department-less row
 * `none` and the year `all`, and names departments by their short name.
 */
export function rowLabel(row: Pick<ResponseStatsRow, 'key' | 'label'>, t: Translate): string {
  if (row.key === 'all') return t('opinions.figures.total');
  if (row.key === 'none') return t('opinions.figures.noDepartment');
  const quarter = /^\d{4}-Q([1-4])$/.exec(row.key);
  if (quarter) return t('opinions.figures.quarter', { quarter: Number(quarter[1]) });
  return row.label;
}

/** "66.7%（2/3）", or "—" when nothing has reached its deadline yet. */
export function shareText(row: Pick<ResponseStatsRow, 'share' | 'withinDeadline' | 'judged'>, t: Translate): string {
  if (row.share === null) return t('common.none');
  return t('opinions.figures.share', { percent: percentOf(row.share), within: row.withinDeadline, judged: row.judged });
}
