// Values the conference, compliance and planning operations return.
import type { DayInfo } from './domain/calendar';
import type { PlanProblem, ProposedConference } from './domain/planner';
import type { ComplianceReport, QuotaKind, QuotaStatus } from './domain/quota';
import type { Role } from './schemas';

export type Organizer = 'city' | 'department';
export type ConferenceKind = 'city_routine' | 'department_routine' | 'ad_hoc' | 'emergency';
export type ConferenceStatus = 'planned' | 'held' | 'cancelled';
export type MediaKind = 'newspaper' | 'broadcast' | 'website' | 'new_media' | 'agency' | 'other';

export interface ConferenceRow {
  id: string;
  title: string;
  date: string;
  time: string | null;
  venue: string | null;
  organizer: Organizer;
  kind: ConferenceKind;
  status: ConferenceStatus;
  hostDepartmentId: string | null;
  hostDepartmentName: string | null;
  departmentIds: string[];
  departmentNames: string[];
  topics: string[];
  speakerCount: number;
  attendanceCount: number;
}

/** A page of the conference list: `rows` start at position `offset` of the `total` conferences that match. */
export interface ConferencePage {
  total: number;
  offset: number;
  rows: ConferenceRow[];
}

export interface SpeakerView {
  personId: string;
  personName: string;
  departmentId: string;
  departmentName: string;
  role: Role;
}

export interface AttendanceView {
  id: string;
  personId: string;
  personName: string;
  departmentId: string;
  departmentName: string;
  role: Role;
  status: 'attended' | 'absent';
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

export interface ConferenceMediaView {
  mediaId: string;
  name: string;
  kind: MediaKind;
  contactPerson: string | null;
  phone: string | null;
  attended: boolean | null;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  reason: string | null;
  /** Field names whose value changed. */
  changed: string[];
}

export interface ConferenceDetail extends ConferenceRow {
  notes: string | null;
  cancelReason: string | null;
  postponedFromId: string | null;
  postponedToId: string | null;
  speakers: SpeakerView[];
  attendance: AttendanceView[];
  media: ConferenceMediaView[];
  history: HistoryEntry[];
  /** True when the conference's quarter has ended: changing attendance needs a reason. */
  quarterEnded: boolean;
}

export interface MediaOutlet {
  id: string;
  name: string;
  kind: MediaKind;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  archived: boolean;
}

export interface QuotaRuleView {
  id: string;
  kind: QuotaKind;
  minimum: number;
  effectiveFrom: string;
  source: string | null;
}

export interface PlanView {
  year: number;
  quarters: number[];
  capacity: number;
  proposals: (ProposedConference & {
    title: string;
    departmentNames: string[];
    speakers: (ProposedConference['speakers'][number] & { personName: string })[];
  })[];
  problems: (PlanProblem & { departmentName: string | null })[];
  holidaysKnown: boolean;
}

export interface CalendarView {
  days: DayInfo[];
  coveredYears: number[];
}

export interface AtRiskDepartment {
  departmentId: string;
  name: string;
  /** Quotas still pending this quarter (or this year, for the head). */
  pending: QuotaKind[];
  daysLeft: number;
  workingDaysLeft: number;
  nextConferenceDate: string | null;
}

export interface Dashboard {
  asOf: string;
  year: number;
  quarter: number;
  quarterEnd: string;
  atRisk: AtRiskDepartment[];
  upcoming: ConferenceRow[];
  untrainedSpokespersons: {
    personId: string;
    name: string;
    departmentId: string;
    departmentName: string;
    tenureStart: string | null;
  }[];
  heldWithoutAttendance: ConferenceRow[];
  /** Planned conferences whose day has passed (before `asOf`): they wait for a check-in, newest first. */
  pastPlanned: ConferenceRow[];
  /** Share of quarter cells met so far this year, per quarter. */
  quarterCompletion: { quarter: number; met: number; total: number }[];
  /** 舆情 past their deadline and not answered, most overdue first (the first 20). */
  overdueOpinions: DashboardOpinion[];
  /** How many 舆情 are past their deadline and not answered, in all. */
  overdueOpinionTotal: number;
  /** 重大 items not yet reported up (重大舆情要及时上报), newest first (the first 20). */
  unreportedSevere: DashboardOpinion[];
  /** How many 重大 items are not yet reported up, in all. */
  unreportedSevereTotal: number;
}

export interface DashboardOpinion {
  id: string;
  summary: string;
  grade: 'general' | 'major' | 'severe';
  deadlineAt: string;
  departmentName: string | null;
}

export type { ComplianceReport, QuotaStatus };
