// Compliance of the listed departments with the notice's quotas, for a year (or one quarter).
import { localDate } from '../common/dates';
import type { Quarter } from '../common/domain/periods';
import { type ComplianceReport, computeCompliance } from '../common/domain/quota';
import { loadQuotaData } from '../db/queries/compliance';
import type { ServiceContext } from './context';

export function complianceReport(
  ctx: ServiceContext,
  q: { year: number; quarter?: Quarter | null | undefined; asOf?: string | null | undefined },
): ComplianceReport {
  const y = String(q.year).padStart(4, '0');
  const data = loadQuotaData(ctx.db, `${y}-01-01`, `${y}-12-31`);
  return computeCompliance({
    year: q.year,
    quarter: q.quarter ?? null,
    asOf: q.asOf ?? localDate(ctx.now()),
    departments: data.departments,
    conferences: data.conferences,
    attendance: data.attendance,
    rules: data.rules,
  });
}

/** The report in the CLI's JSON shape: exactly the documented fields, in register order. */
export function complianceJson(report: ComplianceReport) {
  return {
    year: report.year,
    asOf: report.asOf,
    departments: report.departments.map((d) => ({
      departmentId: d.departmentId,
      name: d.name,
      fullName: d.fullName,
      headAttendances: d.headAttendances,
      headStatus: d.headStatus,
      compliant: d.compliant,
      quarters: d.quarters.map((q) => ({
        quarter: q.quarter,
        conferences: q.conferences,
        conferenceStatus: q.conferenceStatus,
        responsibleAttendances: q.responsibleAttendances,
        responsibleStatus: q.responsibleStatus,
      })),
    })),
  };
}
