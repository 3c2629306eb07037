// The planner service: gathers the register, the year's conferences and the calendar, proposes a
// plan, and turns accepted proposals into planned conferences.
import { sql } from 'drizzle-orm';
import type { PlanView } from '../common/conference-types';
import { localDate } from '../common/dates';
import { chineseWorkCalendar } from '../common/domain/holidays';
import type { Quarter } from '../common/domain/periods';
import { type PlannerAppearance, type PlannerPerson, planYear } from '../common/domain/planner';
import { isUntrainedSpokesperson } from '../common/domain/training';
import { AppError } from '../common/result';
import type { Role } from '../common/schemas';
import type { Db } from '../db/open';
import { listCalendarOverrides } from '../db/queries/calendar-overrides';
import { loadQuotaData } from '../db/queries/compliance';
import { createConference } from '../db/queries/conference-lifecycle';
import type { Stamp } from '../db/stamp';
import type { ServiceContext } from './context';

const QUARTER_CN = ['一', '二', '三', '四'];

export function proposalTitle(year: number, quarter: number, n: number, total: number): string {
  const base = `${year}年第${QUARTER_CN[quarter - 1]}季度市政府新闻发布会`;
  return total > 1 ? `${base}（第${n}场）` : base;
}

export function officeCalendar(db: Db) {
  return chineseWorkCalendar(listCalendarOverrides(db));
}

function loadPeople(db: Db): PlannerPerson[] {
  const rows = db.all<{
    id: string;
    department_id: string;
    name: string;
    role: Role;
    tenure_start: string | null;
    tenure_end: string | null;
    archived: number;
  }>(sql`SELECT id, department_id, name, role, tenure_start, tenure_end, archived FROM people ORDER BY id`);
  const trainings = db.all<{ person_id: string; date: string }>(sql`SELECT person_id, date FROM trainings`);
  const byPerson = new Map<string, { date: string }[]>();
  for (const t of trainings) {
    const list = byPerson.get(t.person_id) ?? [];
    list.push({ date: t.date });
    byPerson.set(t.person_id, list);
  }
  return rows.map((p) => ({
    id: p.id,
    departmentId: p.department_id,
    name: p.name,
    role: p.role,
    tenureStart: p.tenure_start,
    tenureEnd: p.tenure_end,
    archived: p.archived === 1,
    untrained: isUntrainedSpokesperson({ role: p.role, tenureStart: p.tenure_start }, byPerson.get(p.id) ?? []),
  }));
}

function loadBookedSpeakers(db: Db, from: string, to: string): PlannerAppearance[] {
  return db
    .all<{ conference_id: string; person_id: string; department_id: string; role: Role }>(sql`
      SELECT s.conference_id, s.person_id, s.department_id, s.role FROM conference_speakers s
      JOIN conferences c ON c.id = s.conference_id
      WHERE c.status = 'planned' AND c.date BETWEEN ${from} AND ${to}`)
    .map((s) => ({
      conferenceId: s.conference_id,
      personId: s.person_id,
      departmentId: s.department_id,
      role: s.role,
      status: 'booked',
    }));
}

export function proposePlan(
  ctx: ServiceContext,
  req: {
    year: number;
    quarter?: Quarter | null | undefined;
    departmentIds?: string[] | null | undefined;
    capacity: number;
  },
): PlanView {
  const y = String(req.year).padStart(4, '0');
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const data = loadQuotaData(ctx.db, from, to);
  const people = loadPeople(ctx.db);
  const calendar = officeCalendar(ctx.db);
  const plan = planYear({
    year: req.year,
    quarter: req.quarter ?? null,
    today: localDate(ctx.now()),
    departmentIds: req.departmentIds ?? null,
    capacity: req.capacity,
    departments: data.departments,
    people,
    conferences: data.conferences,
    appearances: [...data.attendance.map((a) => ({ ...a, status: a.status })), ...loadBookedSpeakers(ctx.db, from, to)],
    rules: data.rules,
    calendar,
  });
  const deptName = new Map(data.departments.map((d) => [d.id, d.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const perQuarter = new Map<number, number>();
  for (const p of plan.proposals) perQuarter.set(p.quarter, (perQuarter.get(p.quarter) ?? 0) + 1);
  return {
    year: plan.year,
    quarters: plan.quarters,
    capacity: plan.capacity,
    proposals: plan.proposals.map((p) => ({
      ...p,
      title: proposalTitle(req.year, p.quarter, p.number, perQuarter.get(p.quarter) ?? 1),
      departmentNames: p.departmentIds.map((d) => deptName.get(d) ?? d),
      speakers: p.speakers.map((s) => ({ ...s, personName: personName.get(s.personId) ?? s.personId })),
    })),
    problems: plan.problems.map((p) => ({
      ...p,
      departmentName: p.departmentId ? (deptName.get(p.departmentId) ?? null) : null,
    })),
    holidaysKnown: calendar.isCovered(req.year),
  };
}

/** Accepted proposals become planned city conferences, all or none. */
export function acceptProposals(
  ctx: ServiceContext,
  stamp: Stamp,
  proposals: {
    date: string;
    time: string | null;
    title: string;
    departmentIds: string[];
    speakers: { personId: string; role: Role; departmentId?: string | null | undefined }[];
  }[],
): string[] {
  const today = localDate(ctx.now());
  return ctx.db.transaction((t) =>
    proposals.map((p, i) => {
      if (p.date <= today) {
        throw new AppError(
          'invalid_input',
          `proposals[${i}].date: ${p.date} is not in the future; propose the plan again`,
          [{ path: `proposals[${i}].date`, message: 'is not in the future' }],
        );
      }
      return createConference(t, stamp, {
        title: p.title,
        date: p.date,
        time: p.time ?? '09:30',
        venue: null,
        organizer: 'city',
        hostDepartmentId: null,
        departmentIds: p.departmentIds,
        topics: [],
        kind: 'city_routine',
        speakers: p.speakers,
        mediaIds: [],
        notes: null,
      });
    }),
  );
}
