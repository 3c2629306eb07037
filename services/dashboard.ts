// The landing page: what needs attention this quarter.
import { sql } from 'drizzle-orm';
import type { AtRiskDepartment, ConferenceRow, Dashboard } from '../common/conference-types';
import { addDays, localDate } from '../common/dates';
import { quarterOf, quarterPeriod } from '../common/domain/periods';
import type { QuotaKind } from '../common/domain/quota';
import type { OpinionView } from '../common/opinion-types';
import { listConferences } from '../db/queries/conference-list';
import { overdueUnanswered, unreportedSevere } from '../db/queries/opinions';
import { complianceReport } from './compliance';
import type { ServiceContext } from './context';
import { officeCalendar } from './planning';

/** How many items each 舆情 alert lists (its total is given too). */
const ALERTS_SHOWN = 20;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dashboard(ctx: ServiceContext, asOfInput?: string | null): Dashboard {
  const steps = dashboardSteps(ctx, asOfInput, { paced: false });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Beyond this many years of held conferences, they are read at once instead of a year at a time. */
const MAX_YEAR_STEPS = 100;

/**
 * The newest and oldest years of the held conferences, to read them a year at a time; null when there are
 * none, a date does not start with a year, or there are too many years for it to be worth it.
 */
/**
 * The oldest and newest held conference's date. Two subqueries: each is one seek at an end of the
 * (status, date) index (test/unit/query-plans.test.ts). min and max in one SELECT read every held
 * conference's entry instead: 3.3 ms warm, 6.8 ms at start-up, over the decade.
 */
export const HELD_SPAN = sql`SELECT (SELECT min(date) FROM conferences WHERE status = 'held') AS oldest,
  (SELECT max(date) FROM conferences WHERE status = 'held') AS newest`;

function heldYears(ctx: ServiceContext): { first: number; last: number } | null {
  const span = ctx.db.get<{ oldest: string | null; newest: string | null }>(HELD_SPAN);
  const yearOf = (date: string | null | undefined) => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null);
  const first = yearOf(span?.newest);
  const last = yearOf(span?.oldest);
  return first === null || last === null || first - last >= MAX_YEAR_STEPS ? null : { first, last };
}

/**
 * The held conferences with no attendance recorded, newest first (the list's order). Paced, they are read a
 * year at a time with a pause (`yield`) after each year: over a decade the one read probes some 19,000
 * conferences' attendance, 0.15–0.2 s cold while the window loads its files at start-up, which would wait
 * behind it (a dozen reads cost ~10 ms more in all, so only the answer given ahead is paced). The years
 * partition every date string (the newest year has no upper bound, the oldest no lower one), so the rows
 * are exactly those of the one read, in its order.
 */
function* heldWithoutAttendanceSteps(ctx: ServiceContext, paced: boolean): Generator<void, ConferenceRow[]> {
  const held = { status: 'held', withoutAttendance: true } as const;
  const years = paced ? heldYears(ctx) : null;
  if (!years) {
    const rows = listConferences(ctx.db, held);
    yield;
    return rows;
  }
  const { first, last } = years;
  const rows: ConferenceRow[] = [];
  for (let year = first; year >= last; year--) {
    rows.push(
      ...listConferences(ctx.db, {
        ...held,
        from: year === last ? undefined : `${String(year).padStart(4, '0')}-01-01`,
        before: year === first ? undefined : `${String(year + 1).padStart(4, '0')}-01-01`,
      }),
    );
    yield;
  }
  return rows;
}

/**
 * The dashboard read by read, pausing (`yield`) after each of its longer reads: `dashboard` runs it straight
 * through (`paced: false`: no read is split for the pauses' sake); the start-up's answer ahead (dispatch.ts
 * `answerAhead`) lets other work, the window's files, go between them, so none waits behind the whole first
 * (cold) computation.
 */
export function* dashboardSteps(
  ctx: ServiceContext,
  asOfInput?: string | null,
  { paced = true }: { paced?: boolean } = {},
): Generator<void, Dashboard> {
  const asOf = asOfInput ?? localDate(ctx.now());
  const { year, quarter } = quarterOf(asOf);
  const period = quarterPeriod(year, quarter);
  const report = complianceReport(ctx, { year, asOf });
  yield;
  const calendar = officeCalendar(ctx.db);
  const workingDaysLeft = calendar.workingDays(addDays(asOf, 1), period.end).length;

  const planned = listConferences(ctx.db, { from: asOf, to: `${year + 1}-12-31`, status: 'planned' });
  const pastPlanned = listConferences(ctx.db, { to: addDays(asOf, -1), status: 'planned' });
  yield;
  const nextFor = (departmentId: string) =>
    planned
      .filter(
        (c) => c.date <= period.end && (c.departmentIds.includes(departmentId) || c.hostDepartmentId === departmentId),
      )
      .map((c) => c.date)
      .sort()[0] ?? null;

  const atRisk: AtRiskDepartment[] = [];
  for (const d of report.departments) {
    const q = d.quarters.find((x) => x.quarter === quarter);
    const pending: QuotaKind[] = [];
    if (q?.conferenceStatus === 'pending') pending.push('department_conferences');
    if (q?.responsibleStatus === 'pending') pending.push('responsible_attendance');
    if (d.headStatus === 'pending') pending.push('head_attendance');
    if (pending.length === 0) continue;
    atRisk.push({
      departmentId: d.departmentId,
      name: d.name,
      pending,
      daysLeft: daysBetween(
        asOf,
        pending.includes('head_attendance') && pending.length === 1 ? `${year}-12-31` : period.end,
      ),
      workingDaysLeft,
      nextConferenceDate: nextFor(d.departmentId),
    });
  }
  // Nothing booked first, then the fewest days left.
  atRisk.sort(
    (a, b) => Number(a.nextConferenceDate !== null) - Number(b.nextConferenceDate !== null) || a.daysLeft - b.daysLeft,
  );

  const monthEnd = `${asOf.slice(0, 7)}-31`;
  const upcoming = planned.filter((c) => c.date <= monthEnd).sort((a, b) => a.date.localeCompare(b.date));

  const untrainedSpokespersons = ctx.db.all<Dashboard['untrainedSpokespersons'][number]>(sql`
    SELECT p.id AS personId, p.name, p.department_id AS departmentId, d.name AS departmentName, p.tenure_start AS tenureStart
    FROM people p JOIN departments d ON d.id = p.department_id
    WHERE p.role = 'spokesperson' AND p.archived = 0 AND d.status = 'active'
      AND (p.tenure_end IS NULL OR p.tenure_end >= ${asOf})
      AND NOT EXISTS (SELECT 1 FROM trainings t WHERE t.person_id = p.id AND t.date <= coalesce(p.tenure_start, '9999-12-31'))
    ORDER BY d.sort_order, p.name`);
  yield;

  const heldWithoutAttendance = yield* heldWithoutAttendanceSteps(ctx, paced);

  const quarterCompletion = [1, 2, 3, 4].map((qn) => {
    let met = 0;
    let total = 0;
    for (const d of report.departments) {
      const q = d.quarters.find((x) => x.quarter === qn);
      if (!q) continue;
      for (const s of [q.conferenceStatus, q.responsibleStatus]) {
        if (s === 'exempt') continue;
        total++;
        if (s === 'met') met++;
      }
    }
    return { quarter: qn, met, total };
  });

  return {
    asOf,
    year,
    quarter,
    quarterEnd: period.end,
    atRisk,
    upcoming,
    untrainedSpokespersons,
    heldWithoutAttendance,
    pastPlanned,
    quarterCompletion,
    ...opinionAlerts(ctx),
  };
}

function opinionAlerts(
  ctx: ServiceContext,
): Pick<Dashboard, 'overdueOpinions' | 'overdueOpinionTotal' | 'unreportedSevere' | 'unreportedSevereTotal'> {
  const brief = (o: OpinionView) => ({
    id: o.id,
    summary: o.summary,
    grade: o.grade,
    deadlineAt: o.deadlineAt,
    departmentName: o.departmentName,
  });
  const now = ctx.now().toISOString();
  const overdue = overdueUnanswered(ctx.db, now, ALERTS_SHOWN);
  const severe = unreportedSevere(ctx.db, now, ALERTS_SHOWN);
  return {
    overdueOpinions: overdue.items.map(brief),
    overdueOpinionTotal: overdue.total,
    unreportedSevere: severe.items.map(brief),
    unreportedSevereTotal: severe.total,
  };
}
