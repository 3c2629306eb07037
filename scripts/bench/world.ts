// What the generator knows about the data it has written so far: the register, the conferences and
// the documents, by id, so that later events can refer to them the way staff would.
import type { Role } from '../../common/schemas';
import type { Rng } from './prng';
import type { Timeline } from './schedule';
import type { Session } from './session';

/** How much of everything, derived from the scale. */
export interface Plan {
  scale: number;
  seed: number;
  departments: number;
  /** Departments on the register from the start; the rest come with the 2019 reorganisation. */
  initialDepartments: number;
  merges: number;
  renames: number;
  people: number;
  conferences: number;
  documents: number;
  /** Documents approved with a portal column (门户网站栏目): what a full portal package holds. */
  portalDocuments: number;
  answers: number;
  opinions: number;
  /** First day of the decade and the instant the clock stops (the "today" of the dataset). */
  startDate: string;
  end: number;
}

export interface PersonState {
  id: string;
  departmentId: string;
  name: string;
  role: Role;
  archived: boolean;
  fields: {
    departmentId: string;
    name: string;
    role: Role;
    title: string | null;
    phone: string | null;
    email: string | null;
    tenureStart: string | null;
    tenureEnd: string | null;
    notes: string | null;
  };
}

export interface DepartmentState {
  id: string;
  active: boolean;
  fields: {
    name: string;
    fullName: string;
    listed: boolean;
    listedFrom: string | null;
    listedUntil: string | null;
    contactPerson: string | null;
    contactPhone: string | null;
    notes: string | null;
  };
  people: PersonState[];
}

export interface ConferenceState {
  id: string;
  date: string;
  title: string;
  subject: string;
  hostDepartmentId: string | null;
  departmentIds: string[];
  speakers: { personId: string; role: Role; departmentId: string }[];
}

export interface World {
  plan: Plan;
  session: Session;
  timeline: Timeline;
  departments: DepartmentState[];
  departmentById: Map<string, DepartmentState>;
  personById: Map<string, PersonState>;
  media: string[];
  /** Conferences in the order they were planned. */
  conferences: ConferenceState[];
  /** Answer-library (口径库) ids in the order they were written. */
  answers: string[];
  /** Documents created so far, for opinions that link the release answering them. */
  documents: string[];
  /** Office staff who draft and review documents; a reviewer is never the drafter. */
  staff: readonly string[];
  /** Draws a fresh, unused department name pair: [short, full]. */
  takeName: () => [string, string];
}

export function activeDepartments(w: World): DepartmentState[] {
  return w.departments.filter((d) => d.active);
}

export function currentPeople(d: DepartmentState): PersonState[] {
  return d.people.filter((p) => !p.archived);
}

export function reviewerFor(rng: Rng, staff: readonly string[], drafter: string): string {
  return rng.pick(staff.filter((s) => s !== drafter));
}
