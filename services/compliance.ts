// Compliance of the listed departments with the notice's quotas, for a year (or one quarter).
import { localDate } from '../common/dates';
import type { Quarter } from '../common/domain/periods';
import { type ComplianceReport, complianceFromTally } from '../common/domain/quota';
import { loadComplianceTally } from '../db/queries/compliance-tally';
import type { ServiceContext } from './context';
import { dataVersion } from './data-version';

/**
 * Reports already computed, per database handle, until the data changes (data-version.ts).
 * The dashboard, the compliance page and the exports ask for the same year many times between two
 * writes; the ten-year matrix asks for finished years that rarely change.
 */
const cache = new WeakMap<object, { version: string; reports: Map<string, ComplianceReport> }>();
const CACHE_LIMIT = 64;

/** Forgets every kept report (the benchmark measures the computation itself this way). */
export function clearComplianceCache(ctx: ServiceContext): void {
  cache.delete(ctx.db);
}

export function complianceReport(
  ctx: ServiceContext,
  q: { year: number; quarter?: Quarter | null | undefined; asOf?: string | null | undefined },
): ComplianceReport {
  const asOf = q.asOf ?? localDate(ctx.now());
  const key = `${q.year}|${q.quarter ?? ''}|${asOf}`;
  const version = dataVersion(ctx);
  let entry = cache.get(ctx.db);
  if (!entry || entry.version !== version) {
    entry = { version, reports: new Map() };
    cache.set(ctx.db, entry);
  }
  const kept = entry.reports.get(key);
  if (kept) return kept;
  const report = computeReport(ctx, q.year, q.quarter ?? null, asOf);
  if (entry.reports.size >= CACHE_LIMIT) entry.reports.clear();
  entry.reports.set(key, report);
  return report;
}

function computeReport(ctx: ServiceContext, year: number, quarter: Quarter | null, asOf: string): ComplianceReport {
  const { departments, rules, tally } = loadComplianceTally(ctx.db, year);
  return complianceFromTally({ year, quarter, asOf, departments, rules }, tally);
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
