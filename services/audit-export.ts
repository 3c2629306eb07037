// The audit trail as CSV for the office to save: who did what and when, with before/after values.
import { addDays, localDate } from '../common/dates';
import { recordAudit } from '../db/queries/audit';
import { type AuditFilter, listAudit } from '../db/queries/audit-log';
import { makeStamp, type ServiceContext } from './context';
import { currentActor, readSettings } from './settings';
import { toCsv } from './spreadsheet-text';

const HEADERS = {
  'zh-CN': ['编号', '时间', '操作人', '操作', '对象', '对象编号', '原因', '修改前', '修改后'],
  'en-US': ['No.', 'Time', 'Who', 'Action', 'Record', 'Record id', 'Reason', 'Before', 'After'],
} as const;

/** Calendar dates of the office (local time) → the UTC instants the log stores. */
export function auditRange<T extends { from?: string | undefined; to?: string | undefined }>(
  filter: T,
): Omit<T, 'from' | 'to'> & Pick<AuditFilter, 'from' | 'until'> {
  const { from, to, ...rest } = filter;
  const startOf = (date: string) => new Date(`${date}T00:00:00`).toISOString();
  return { ...rest, from: from ? startOf(from) : undefined, until: to ? startOf(addDays(to, 1)) : undefined };
}

export function exportAuditCsv(
  ctx: ServiceContext,
  filter: Omit<AuditFilter, 'until'> & { to?: string | undefined },
): { fileName: string; csv: string; rows: number } {
  const { rows } = listAudit(ctx.db, auditRange(filter));
  const header = HEADERS[readSettings(ctx).language];
  const csv = toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.at,
      r.actor,
      r.action,
      r.entity,
      r.entityId,
      r.reason,
      r.before === null ? '' : JSON.stringify(r.before),
      r.after === null ? '' : JSON.stringify(r.after),
    ]),
  );
  // The export itself is recorded (after reading, so it is not part of its own file).
  recordAudit(ctx.db, makeStamp(ctx, currentActor(ctx)), 'export', 'audit_log', null, null, {
    filter,
    rows: rows.length,
  });
  return { fileName: `press-office-audit-${localDate(ctx.now())}.csv`, csv, rows: rows.length };
}
