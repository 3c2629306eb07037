// The quarterly planner: proposes city conferences (dates and who attends) so that every listed
// department's quarterly and annual quotas are met by the plan, or says exactly why not.
import type { Role } from '../schemas';
import type { WorkCalendar } from './calendar';
import { covers, type Period, QUARTERS, type Quarter, quarterPeriod, yearPeriod } from './periods';
import { isListedDuring, type QuotaConference, type QuotaDepartment, type QuotaRule, ruleFor } from './quota';

export interface PlannerPerson {
  id: string;
  departmentId: string;
  name: string;
  role: Role;
  tenureStart: string | null;
  tenureEnd: string | null;
  archived: boolean;
  untrained: boolean;
}

/** An appearance at a conference: held attendance, or a speaker booked for a planned one. */
export interface PlannerAppearance {
  conferenceId: string;
  personId: string;
  departmentId: string;
  role: Role;
  /** Held conferences: attended or absent. Planned ones: booked. */
  status: 'attended' | 'absent' | 'booked';
}

export interface PlannerInput {
  year: number;
  quarter?: Quarter | null | undefined;
  /** Nothing is planned on or before this date. */
  today: string;
  /** Departments to cover; default all listed in the year. */
  departmentIds?: readonly string[] | null | undefined;
  /** Departments per city conference. */
  capacity: number;
  departments: readonly QuotaDepartment[];
  people: readonly PlannerPerson[];
  conferences: readonly QuotaConference[];
  appearances: readonly PlannerAppearance[];
  rules: readonly QuotaRule[];
  calendar: WorkCalendar;
}

export interface ProposedSpeaker {
  personId: string;
  departmentId: string;
  role: Role;
}

export interface ProposedConference {
  key: string;
  quarter: Quarter;
  date: string;
  /** Sequence within the quarter, from 1. */
  number: number;
  departmentIds: string[];
  speakers: ProposedSpeaker[];
}

export type PlanProblemKind =
  | 'quarter_ended'
  | 'no_working_days'
  | 'too_few_working_days'
  | 'no_responsible_person'
  | 'no_head'
  | 'no_quarter_left_for_head'
  | 'person_busy'
  | 'no_spokesperson'
  | 'untrained_spokesperson'
  | 'holidays_unknown';

export interface PlanProblem {
  kind: PlanProblemKind;
  /** blocking: the plan cannot meet this quota; warning: met, but worth a look. */
  severity: 'blocking' | 'warning';
  departmentId: string | null;
  quarter: Quarter | null;
  /** Quota concerned, when blocking. */
  quota: 'department_conferences' | 'responsible_attendance' | 'head_attendance' | null;
  detail: string | null;
}

export interface Plan {
  year: number;
  quarters: Quarter[];
  capacity: number;
  proposals: ProposedConference[];
  problems: PlanProblem[];
}

interface Booking {
  departmentId: string;
  head: boolean;
}

const RESPONSIBLE: readonly Role[] = ['spokesperson', 'deputy', 'head'];

function inTenure(p: PlannerPerson, date: string): boolean {
  return (
    !p.archived && (p.tenureStart === null || p.tenureStart <= date) && (p.tenureEnd === null || p.tenureEnd >= date)
  );
}

/** Candidate people for a booking in preference order: head only for a head booking. */
function candidates(people: readonly PlannerPerson[], booking: Booking, date: string): PlannerPerson[] {
  const own = people.filter((p) => p.departmentId === booking.departmentId && inTenure(p, date));
  if (booking.head) return own.filter((p) => p.role === 'head');
  const rank = (p: PlannerPerson) => {
    const r = RESPONSIBLE.indexOf(p.role);
    return r * 2 + (p.untrained ? 1 : 0);
  };
  return own.filter((p) => RESPONSIBLE.includes(p.role)).sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** Evenly spread picks from the available days: a conference in the middle of each slice. */
function preferredIndex(i: number, m: number, n: number): number {
  return Math.min(n - 1, Math.floor(((i + 0.5) * n) / m));
}

export function planYear(input: PlannerInput): Plan {
  const { year, calendar, today } = input;
  const capacity = Math.max(1, Math.floor(input.capacity));
  const problems: PlanProblem[] = [];
  const problem = (p: Omit<PlanProblem, 'detail'> & { detail?: string | null }) =>
    problems.push({ detail: null, ...p });

  if (!calendar.isCovered(year)) {
    problem({
      kind: 'holidays_unknown',
      severity: 'warning',
      departmentId: null,
      quarter: null,
      quota: null,
      detail: String(year),
    });
  }

  const wanted = input.departmentIds ? new Set(input.departmentIds) : null;
  const departments = input.departments.filter(
    (d) => isListedDuring(d, yearPeriod(year)) && (!wanted || wanted.has(d.id)),
  );
  const conferenceById = new Map(input.conferences.map((c) => [c.id, c]));
  const live = (c: QuotaConference | undefined) => c !== undefined && (c.status === 'held' || c.status === 'planned');

  // What already counts or is already booked.
  const hostedIn = (d: string, period: Period) =>
    input.conferences.filter(
      (c) =>
        live(c) &&
        period.start <= c.date &&
        c.date <= period.end &&
        (c.hostDepartmentId === d || c.departmentIds.includes(d)),
    ).length;
  const appearedIn = (d: string, period: Period, roles: readonly Role[]) => {
    const ids = new Set<string>();
    for (const a of input.appearances) {
      if (a.departmentId !== d || !roles.includes(a.role) || a.status === 'absent') continue;
      const c = conferenceById.get(a.conferenceId);
      if (c?.organizer !== 'city' || c.date < period.start || c.date > period.end) continue;
      if ((c.status === 'held' && a.status === 'attended') || (c.status === 'planned' && a.status === 'booked'))
        ids.add(c.id);
    }
    return ids.size;
  };

  // People already busy on a date (no person twice on one day).
  const busy = new Map<string, Set<string>>();
  const markBusy = (date: string, personId: string) => {
    const set = busy.get(date) ?? new Set<string>();
    busy.set(date, set);
    set.add(personId);
  };
  for (const a of input.appearances) {
    const c = conferenceById.get(a.conferenceId);
    if (live(c) && c) markBusy(c.date, a.personId);
  }

  const scope = (input.quarter ? [input.quarter] : QUARTERS).filter((q) => {
    const period = quarterPeriod(year, q);
    if (period.end > today) return true;
    return false;
  });
  const ended = (input.quarter ? [input.quarter] : QUARTERS).filter((q) => !scope.includes(q));
  const firstDay = (period: Period) => (period.start > today ? period.start : nextDay(today));
  const availableDays = new Map<Quarter, string[]>(
    scope.map((q) => {
      const period = quarterPeriod(year, q);
      const from = firstDay(period);
      return [q, from <= period.end ? calendar.workingDays(from, period.end) : []];
    }),
  );

  // Bookings per quarter: how many city conferences each department needs there.
  const bookings = new Map<Quarter, Booking[]>(scope.map((q) => [q, []]));
  const needsIn = new Map<string, Map<Quarter, number>>();
  for (const d of departments) {
    const perQuarter = new Map<Quarter, number>();
    for (const q of ended) {
      const period = quarterPeriod(year, q);
      if (!isListedDuring(d, period)) continue;
      const confRule = ruleFor(input.rules, 'department_conferences', period);
      const respRule = ruleFor(input.rules, 'responsible_attendance', period);
      const short =
        (confRule && hostedIn(d.id, period) < confRule.minimum) ||
        (respRule && appearedIn(d.id, period, RESPONSIBLE) < respRule.minimum);
      if (short) problem({ kind: 'quarter_ended', severity: 'blocking', departmentId: d.id, quarter: q, quota: null });
    }
    for (const q of scope) {
      const period = quarterPeriod(year, q);
      if (!isListedDuring(d, period)) continue;
      const confRule = ruleFor(input.rules, 'department_conferences', period);
      const respRule = ruleFor(input.rules, 'responsible_attendance', period);
      const confNeed = confRule ? Math.max(0, confRule.minimum - hostedIn(d.id, period)) : 0;
      const respNeed = respRule ? Math.max(0, respRule.minimum - appearedIn(d.id, period, RESPONSIBLE)) : 0;
      const n = Math.max(confNeed, respNeed);
      if (n > 0) perQuarter.set(q, n);
    }
    needsIn.set(d.id, perQuarter);
  }

  // Heads: at least once a year, spread across the quarters left.
  const headLoad = new Map<Quarter, number>(scope.map((q) => [q, 0]));
  const headIn = new Map<string, Set<Quarter>>();
  const yearRange = yearPeriod(year);
  const headRule = ruleFor(input.rules, 'head_attendance', yearRange);
  for (const d of departments) {
    const whole = QUARTERS.some((q) => d.listed && covers(d.listedFrom, d.listedUntil, quarterPeriod(year, q)));
    if (!headRule || !whole) continue;
    let need = Math.max(0, headRule.minimum - appearedIn(d.id, yearRange, ['head']));
    if (need === 0) continue;
    const hasHead = input.people.some((p) => p.departmentId === d.id && p.role === 'head' && !p.archived);
    if (!hasHead) {
      problem({ kind: 'no_head', severity: 'blocking', departmentId: d.id, quarter: null, quota: 'head_attendance' });
      continue;
    }
    const chosen = new Set<Quarter>();
    const usable = scope.filter((q) => (availableDays.get(q)?.length ?? 0) > 0);
    while (need > 0) {
      const options = usable.filter((q) => !chosen.has(q));
      if (options.length === 0) break;
      // Prefer a quarter where the department attends anyway, then the least loaded one.
      const attends = needsIn.get(d.id);
      options.sort(
        (a, b) =>
          Number(!attends?.has(a)) - Number(!attends?.has(b)) ||
          (headLoad.get(a) ?? 0) - (headLoad.get(b) ?? 0) ||
          a - b,
      );
      const q = options[0] as Quarter;
      chosen.add(q);
      headLoad.set(q, (headLoad.get(q) ?? 0) + 1);
      need--;
    }
    if (need > 0) {
      problem({
        kind: 'no_quarter_left_for_head',
        severity: 'blocking',
        departmentId: d.id,
        quarter: null,
        quota: 'head_attendance',
      });
    }
    headIn.set(d.id, chosen);
  }

  for (const d of departments) {
    const perQuarter = needsIn.get(d.id) ?? new Map<Quarter, number>();
    for (const q of scope) {
      const n = perQuarter.get(q) ?? 0;
      const head = headIn.get(d.id)?.has(q) ?? false;
      const count = Math.max(n, head ? 1 : 0);
      for (let i = 0; i < count; i++) bookings.get(q)?.push({ departmentId: d.id, head: head && i === 0 });
    }
  }

  const proposals: ProposedConference[] = [];
  for (const q of scope) {
    const list = bookings.get(q) ?? [];
    if (list.length === 0) continue;
    const days = availableDays.get(q) ?? [];
    const perDept = new Map<string, number>();
    for (const b of list) perDept.set(b.departmentId, (perDept.get(b.departmentId) ?? 0) + 1);
    const blocked = new Set<string>();
    for (const [dep, k] of perDept) {
      if (days.length === 0) {
        blocked.add(dep);
        problem({
          kind: 'no_working_days',
          severity: 'blocking',
          departmentId: dep,
          quarter: q,
          quota: 'responsible_attendance',
        });
      } else if (k > days.length) {
        blocked.add(dep);
        problem({
          kind: 'too_few_working_days',
          severity: 'blocking',
          departmentId: dep,
          quarter: q,
          quota: 'responsible_attendance',
          detail: `${k}>${days.length}`,
        });
      }
    }
    const placeable = list.filter((b) => !blocked.has(b.departmentId));
    if (placeable.length === 0) continue;
    const maxPerDept = Math.max(...[...perDept.entries()].filter(([dep]) => !blocked.has(dep)).map(([, k]) => k));
    const m = Math.max(Math.ceil(placeable.length / capacity), maxPerDept);
    // Round robin keeps a department's bookings in different conferences and sizes within capacity.
    const groups: Booking[][] = Array.from({ length: m }, () => []);
    placeable.forEach((b, i) => {
      groups[i % m]?.push(b);
    });

    const usedDates = new Map<string, Set<string>>(); // date → departments already placed that day
    groups.forEach((group, i) => {
      const pref = preferredIndex(i, m, days.length);
      const order = spiral(pref, days.length);
      let chosen: { date: string; speakers: ProposedSpeaker[] } | null = null;
      for (const idx of order) {
        const date = days[idx] as string;
        const placed = usedDates.get(date);
        if (group.some((b) => placed?.has(b.departmentId))) continue;
        const speakers = pickSpeakers(group, date);
        if (speakers) {
          chosen = { date, speakers };
          break;
        }
      }
      if (!chosen) {
        // No single day suits everyone: take the preferred day and report who cannot come.
        const date = days[pref] as string;
        const speakers: ProposedSpeaker[] = [];
        for (const b of group) {
          const one = pickSpeakers([b], date);
          if (one) speakers.push(...one);
          else {
            const anyone = candidates(input.people, b, date).length > 0;
            problem({
              kind: anyone ? 'person_busy' : b.head ? 'no_head' : 'no_responsible_person',
              severity: 'blocking',
              departmentId: b.departmentId,
              quarter: q,
              quota: b.head ? 'head_attendance' : 'responsible_attendance',
            });
          }
        }
        chosen = { date, speakers };
      }
      for (const s of chosen.speakers) markBusy(chosen.date, s.personId);
      const placed = usedDates.get(chosen.date) ?? new Set<string>();
      usedDates.set(chosen.date, placed);
      for (const b of group) placed.add(b.departmentId);
      proposals.push({
        key: `${year}-Q${q}-${i + 1}`,
        quarter: q,
        date: chosen.date,
        number: i + 1,
        departmentIds: group.map((b) => b.departmentId),
        speakers: chosen.speakers,
      });
    });
  }

  function pickSpeakers(group: readonly Booking[], date: string): ProposedSpeaker[] | null {
    const taken = busy.get(date);
    const out: ProposedSpeaker[] = [];
    for (const b of group) {
      const person = candidates(input.people, b, date).find(
        (p) => !taken?.has(p.id) && !out.some((s) => s.personId === p.id),
      );
      if (!person) return null;
      out.push({ personId: person.id, departmentId: b.departmentId, role: b.head ? 'head' : person.role });
    }
    return out;
  }

  // Warnings on the people behind the plan.
  for (const d of departments) {
    if (!(needsIn.get(d.id)?.size || headIn.get(d.id)?.size)) continue;
    const spokespersons = input.people.filter(
      (p) => p.departmentId === d.id && p.role === 'spokesperson' && !p.archived,
    );
    if (spokespersons.length === 0) {
      problem({ kind: 'no_spokesperson', severity: 'warning', departmentId: d.id, quarter: null, quota: null });
    } else if (spokespersons.every((p) => p.untrained)) {
      problem({ kind: 'untrained_spokesperson', severity: 'warning', departmentId: d.id, quarter: null, quota: null });
    }
  }

  proposals.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  return { year, quarters: scope, capacity, proposals, problems };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Indices around a start: s, s+1, s-1, s+2, s-2 … within [0, n). */
function spiral(start: number, n: number): number[] {
  const out: number[] = [];
  for (let step = 0; out.length < n; step++) {
    const up = start + step;
    const down = start - step;
    if (up < n) out.push(up);
    if (step > 0 && down >= 0) out.push(down);
    if (up >= n && down < 0) break;
  }
  return out;
}
