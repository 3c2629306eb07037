// What the public-opinion (舆情), portal and assessment operations return.
import type { OpinionGrade, OpinionStatus, ReleaseChannel } from './opinion-schemas';

export interface OpinionView {
  id: string;
  source: string;
  channel: 'website' | 'weibo' | 'wechat' | 'hotline' | 'petition' | 'media' | 'other';
  summary: string;
  topic: string | null;
  link: string | null;
  detectedAt: string;
  grade: OpinionGrade;
  judgement: string | null;
  reaction: string | null;
  mediaInvolvement: string | null;
  departmentId: string | null;
  departmentName: string | null;
  response: 'online_release' | 'expert' | 'conference' | 'interview' | null;
  deadlineAt: string;
  answeredAt: string | null;
  documentId: string | null;
  documentTitle: string | null;
  conferenceId: string | null;
  conferenceTitle: string | null;
  status: OpinionStatus;
  reportedTo: string | null;
  reportedAt: string | null;
  notes: string | null;
  /** Not answered and past its deadline now, or answered after it. */
  overdue: boolean;
  /** 重大 and not yet reported up. */
  unreported: boolean;
  /** Hours from detection to answer, when answered. */
  responseHours: number | null;
  updatedAt: string;
}

export interface ResponseStatsRow {
  /** `2026-Q3`, or a department id, or `all`. */
  key: string;
  label: string;
  items: number;
  answered: number;
  /** Median hours from detection to answer of the answered items; null when none. */
  medianHours: number | null;
  /** Answered within the deadline, over the items whose deadline has passed or that were answered. */
  withinDeadline: number;
  judged: number;
  share: number | null;
}

export interface ResponseStats {
  year: number;
  byQuarter: ResponseStatsRow[];
  byDepartment: ResponseStatsRow[];
  total: ResponseStatsRow;
}

export interface GradeView {
  grade: OpinionGrade;
  definition: string;
  deadlineHours: number;
}

export interface PortalPlanItem {
  documentId: string;
  title: string;
  kind: string;
  column: string;
  indexNo: string | null;
  change: 'added' | 'changed' | 'unchanged';
  /** The policy document this interpretation goes with, when it is in the app. */
  interprets: string | null;
}

export interface PortalPlan {
  nextSequence: number;
  previousSequence: number | null;
  added: PortalPlanItem[];
  changed: PortalPlanItem[];
  unchanged: number;
  withdrawn: { documentId: string; title: string; indexNo: string }[];
  /** Interpretations waiting for their policy to be approved, with the reason. */
  held: { documentId: string; title: string; reason: string }[];
}

export interface PortalExportView {
  sequence: number;
  generatedAt: string;
  full: boolean;
  added: number;
  changed: number;
  withdrawn: number;
  manifestSha256: string;
  folder: string;
  actor: string;
}

export interface PortalEntryView {
  documentId: string;
  title: string;
  indexNo: string;
  topicCategory: string | null;
  disclosure: string;
  summary: string | null;
  exportedSequence: number | null;
  withdrawnSequence: number | null;
}

export interface AssessmentRow {
  departmentId: string;
  name: string;
  fullName: string;
  conferencesHeld: number;
  responsibleAttendances: number;
  headAttendances: number;
  releases: Record<ReleaseChannel, number>;
  interpretations: number;
  interpretationsWithPolicy: number;
  opinionItems: number;
  opinionWithinDeadline: number;
}

export interface Assessment {
  year: number;
  asOf: string;
  rows: AssessmentRow[];
}
