// Conferences over the decade: planned days or weeks ahead, a few cancelled or postponed, and checked
// in on the day with about ten attendance rows each (speakers, other responsible people, stand-ins).
import type { Role } from '../../common/schemas';
import {
  cancelConference,
  checkInConference,
  createConference,
  postponeConference,
} from '../../db/queries/conference-lifecycle';
import type { Rng } from './prng';
import { addDays, instant, weekdays } from './schedule';
import { conferenceTitle, subject } from './text';
import { TOPICS } from './words';
import { activeDepartments, type ConferenceState, currentPeople, type PersonState, type World } from './world';

export type OnPlanned = (c: ConferenceState, plannedAt: number) => void;

function speakerRole(rng: Rng, people: PersonState[]): PersonState | undefined {
  const want: Role = rng.weighted([
    ['spokesperson', 5],
    ['deputy', 3],
    ['head', 2],
  ]);
  return people.find((p) => p.role === want) ?? people[0];
}

function plan(w: World, rng: Rng, date: string, onPlanned: OnPlanned, plannedAt: number): void {
  const active = activeDepartments(w).filter((d) => currentPeople(d).length > 0);
  const city = rng.chance(0.4);
  const host = city ? null : rng.pick(active);
  const departments = city
    ? rng.sample(active, rng.int(2, 5))
    : [host as (typeof active)[number], ...(rng.chance(0.2) ? rng.sample(active, 1).filter((d) => d !== host) : [])];
  const speakers = departments.flatMap((d, i) => {
    if (!city && i > 0 && rng.chance(0.5)) return [];
    const people = currentPeople(d);
    const n = city ? 1 : rng.int(1, 2);
    const chosen = new Set<PersonState>();
    for (let k = 0; k < n; k++) {
      const p = k === 0 ? speakerRole(rng, people) : rng.pick(people);
      if (p) chosen.add(p);
    }
    return [...chosen].map((p) => ({ personId: p.id, role: p.role, departmentId: d.id }));
  });
  const s = subject(rng);
  const year = Number(date.slice(0, 4));
  const title = conferenceTitle(rng, s, host?.fields.name ?? null, year);
  const mediaIds = rng.sample(w.media, rng.int(3, 6));
  const staff = rng.pick(w.staff);
  const id = w.session.write(
    'conferences.create',
    {
      title,
      date,
      time: rng.pick(['09:30', '10:00', '10:30', '15:00', '15:30']),
      venue: rng.chance(0.8) ? null : `${host?.fields.name ?? '市政府'}新闻发布室`,
      organizer: city ? 'city' : 'department',
      hostDepartmentId: host?.id ?? null,
      departmentIds: departments.map((d) => d.id),
      topics: [rng.pick(TOPICS)],
      kind: rng.chance(0.05) ? 'ad_hoc' : null,
      speakers,
      mediaIds,
      notes: null,
    },
    staff,
    (input, stamp, ctx) => createConference(ctx.db, stamp, input),
  );
  w.session.count('conferences');
  const state: ConferenceState = {
    id,
    date,
    title,
    subject: s,
    hostDepartmentId: host?.id ?? null,
    departmentIds: departments.map((d) => d.id),
    speakers,
  };
  w.conferences.push(state);
  onPlanned(state, plannedAt);
  scheduleOutcome(w, rng, state, mediaIds);
}

/** Cancelled, postponed (a new planned copy) or held and checked in on the day. */
function scheduleOutcome(w: World, rng: Rng, c: ConferenceState, mediaIds: string[]): void {
  const eve = instant(addDays(c.date, -1), 16 * 60 + rng.int(0, 60));
  const fate = rng.next();
  if (fate < 0.03) {
    w.timeline.at(eve, () => {
      const reason = rng.pick(['议题调整', '发布人工作冲突', '天气原因']);
      w.session.write('conferences.cancel', { id: c.id, reason }, rng.pick(w.staff), (input, stamp, ctx) =>
        cancelConference(ctx.db, stamp, input.id, input.reason),
      );
    });
  } else if (fate < 0.045) {
    w.timeline.at(eve, () => {
      const date = addDays(c.date, 7);
      const next = w.session.write(
        'conferences.postpone',
        { id: c.id, date, time: null, reason: '发布内容需进一步完善' },
        rng.pick(w.staff),
        (input, stamp, ctx) =>
          postponeConference(ctx.db, stamp, input.id, input.date, input.time ?? null, input.reason),
      );
      w.session.count('conferences');
      const moved = { ...c, id: next, date };
      w.conferences.push(moved);
      scheduleOutcome(w, rng, moved, mediaIds);
    });
  } else {
    w.timeline.at(instant(c.date, 17 * 60 + rng.int(0, 90)), () => checkIn(w, rng, c, mediaIds));
  }
}

function checkIn(w: World, rng: Rng, c: ConferenceState, mediaIds: string[]): void {
  const rows: {
    personId: string;
    role: Role;
    departmentId: string;
    status: 'attended' | 'absent';
    substituteForPersonId?: string;
  }[] = [];
  const listed = new Set<string>();
  const add = (p: PersonState, departmentId: string, status: 'attended' | 'absent', forId?: string) => {
    if (listed.has(p.id)) return false;
    listed.add(p.id);
    rows.push({
      personId: p.id,
      role: p.role,
      departmentId,
      status,
      ...(forId ? { substituteForPersonId: forId } : {}),
    });
    return true;
  };
  const target = rng.int(9, 13);
  const pools = c.departmentIds.map((id) => w.departmentById.get(id)).filter((d) => d !== undefined);
  for (const s of c.speakers) {
    const p = w.personById.get(s.personId);
    if (!p) continue;
    const attended = rng.chance(0.93);
    add(p, s.departmentId, attended ? 'attended' : 'absent');
    if (!attended && p.role === 'spokesperson') {
      const pool = pools.find((d) => d.id === s.departmentId);
      const deputy = pool && currentPeople(pool).find((q) => q.role === 'deputy' && !listed.has(q.id));
      if (deputy) add(deputy, s.departmentId, 'attended', p.id);
    }
  }
  const others = rng.shuffle(pools.flatMap((d) => currentPeople(d).map((p) => [p, d.id] as const)));
  for (const [p, departmentId] of others) {
    if (rows.length >= target) break;
    add(p, departmentId, rng.chance(0.9) ? 'attended' : 'absent');
  }
  w.session.write(
    'conferences.checkIn',
    { id: c.id, attendance: rows, media: mediaIds.map((mediaId) => ({ mediaId, attended: rng.chance(0.85) })) },
    rng.pick(w.staff),
    (input, stamp, ctx) => checkInConference(ctx.db, stamp, input),
  );
  w.session.count('attendance', rows.length);
}

/** Spreads the plan's conferences over the weekdays from the start to two weeks after the end. */
export function scheduleConferences(w: World, rng: Rng, notBefore: number, onPlanned: OnPlanned): void {
  const endDate = new Date(w.plan.end + 8 * 3_600_000).toISOString().slice(0, 10);
  const days = weekdays(addDays(w.plan.startDate, 7), addDays(endDate, 14));
  for (let i = 0; i < w.plan.conferences; i++) {
    const date = rng.pick(days);
    // Planned 3–20 days ahead; the last ones are planned before the clock stops, so all of them exist.
    const ahead = instant(addDays(date, -rng.int(3, 20)), 9 * 60 + rng.int(0, 120));
    const plannedAt = Math.min(w.plan.end - 3_600_000, Math.max(notBefore, ahead));
    w.timeline.at(plannedAt, () => plan(w, rng, date, onPlanned, plannedAt));
  }
}
