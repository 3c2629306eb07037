// The register over the decade: media outlets, departments with their people and trainings, the
// 2019 reorganisation (new departments, merges), renames, and people's titles changing.
import type { Role } from '../../common/schemas';
import type { Rng } from './prng';
import { addDays, instant } from './schedule';
import { mobile, personName, phone } from './text';
import { CITY, DEPUTY_TITLES, HEAD_TITLES, MEDIA_OUTLETS, SPOKESPERSON_TITLES, TRAINING_COURSES } from './words';
import { activeDepartments, currentPeople, type DepartmentState, type PersonState, type World } from './world';

export const REORGANISATION_DATE = '2019-03-18';

const NOTICE_DATE = '2014-07-01';

/** People per department, spread so that the total is exactly the plan's. */
function peopleShares(w: World): number[] {
  const { departments, people } = w.plan;
  return Array.from(
    { length: departments },
    (_, i) => Math.floor(people / departments) + (i < people % departments ? 1 : 0),
  );
}

function createPerson(w: World, rng: Rng, d: DepartmentState, role: Role, tenureStart: string): PersonState {
  const name = personName(rng);
  const titles = role === 'head' ? HEAD_TITLES : role === 'spokesperson' ? SPOKESPERSON_TITLES : DEPUTY_TITLES;
  const fields: PersonState['fields'] = {
    departmentId: d.id,
    name,
    role,
    title: rng.pick(titles),
    phone: rng.chance(0.8) ? mobile(rng) : null,
    email: rng.chance(0.3) ? `${d.id.slice(0, 6)}${rng.int(100, 999)}@rizhao.gov.cn` : null,
    tenureStart,
    tenureEnd: null,
    notes: null,
  };
  const person = w.session.call('people.create', fields);
  w.session.count('people');
  const state: PersonState = { id: person.id, departmentId: d.id, name, role, archived: false, fields };
  d.people.push(state);
  w.personById.set(state.id, state);
  if (role === 'spokesperson' && rng.chance(0.85)) {
    w.session.call('trainings.create', {
      personId: person.id,
      date: addDays(tenureStart, -rng.int(5, 200)),
      course: rng.pick(TRAINING_COURSES),
      hours: rng.pick([8, 16, 24, 40]),
    });
    w.session.count('trainings');
  }
  return state;
}

function createDepartment(w: World, rng: Rng, listedFrom: string, peopleCount: number): DepartmentState {
  const [short, full] = w.takeName();
  const fields: DepartmentState['fields'] = {
    name: short,
    fullName: `${CITY}${full}`,
    listed: rng.chance(0.85),
    listedFrom,
    listedUntil: null,
    contactPerson: personName(rng),
    contactPhone: phone(rng),
    notes: null,
  };
  const created = w.session.call('departments.create', fields);
  w.session.count('departments');
  const d: DepartmentState = { id: created.id, active: true, fields, people: [] };
  w.departments.push(d);
  w.departmentById.set(d.id, d);
  for (let i = 0; i < peopleCount; i++) {
    const role: Role = i === 0 ? 'head' : i === 1 || (i === 2 && rng.chance(0.2)) ? 'spokesperson' : 'deputy';
    createPerson(w, rng, d, role, addDays(listedFrom < '2016-01-01' ? '2016-01-01' : listedFrom, rng.int(0, 300)));
  }
  return d;
}

/** Schedules everything about the register; `setupAt` is when the office enters its first records. */
export function scheduleRegister(w: World, rng: Rng, setupAt: number): void {
  const shares = peopleShares(w);
  const { plan, timeline, session } = w;
  timeline.at(setupAt, () => {
    session.as(w.staff[0] as string);
    for (const [name, kind] of MEDIA_OUTLETS) {
      const m = session.call('media.create', { name, kind, contactPerson: personName(rng), phone: phone(rng) });
      w.media.push(m.id);
    }
    for (let i = 0; i < plan.initialDepartments; i++) createDepartment(w, rng, NOTICE_DATE, shares[i] as number);
  });

  // 机构改革: new departments take over merged ones; the merged ones' people leave the register.
  timeline.at(instant(REORGANISATION_DATE, 9 * 60), () => {
    const created: DepartmentState[] = [];
    for (let i = plan.initialDepartments; i < plan.departments; i++) {
      created.push(createDepartment(w, rng, REORGANISATION_DATE, shares[i] as number));
    }
    const candidates = activeDepartments(w).filter((d) => !created.includes(d));
    for (const d of rng.sample(candidates, plan.merges)) {
      const into =
        created.length > 0 && rng.chance(0.7)
          ? rng.pick(created)
          : rng.pick(candidates.filter((c) => c !== d && c.active));
      session.call('departments.merge', { id: d.id, intoId: into.id });
      d.active = false;
      for (const p of currentPeople(d)) {
        session.call('people.archive', { id: p.id, archived: true });
        p.archived = true;
      }
    }
  });

  // Renames spread over the decade (a 局 becomes a 中心, a field is re-cut).
  for (let i = 0; i < plan.renames; i++) {
    const day = addDays(plan.startDate, rng.int(30, 3500));
    timeline.at(instant(day, 8 * 60 + rng.int(0, 60)), () => {
      const d = rng.pick(activeDepartments(w));
      const [short, full] = w.takeName();
      d.fields = { ...d.fields, name: short, fullName: `${CITY}${full}` };
      session.call('departments.update', { id: d.id, fields: d.fields });
    });
  }

  // Each year some people's titles change (promotion, a new post in the same department).
  for (let year = 2017; year <= 2026; year++) {
    timeline.at(instant(`${year}-07-01`, 8 * 60), () => {
      const people = activeDepartments(w).flatMap(currentPeople);
      for (const p of rng.sample(people, Math.ceil(people.length * 0.05))) {
        const titles =
          p.role === 'head' ? HEAD_TITLES : p.role === 'spokesperson' ? SPOKESPERSON_TITLES : DEPUTY_TITLES;
        p.fields = { ...p.fields, title: rng.pick(titles) };
        session.call('people.update', { id: p.id, fields: p.fields });
      }
    });
  }
}
