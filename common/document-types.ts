// What the documents operations return.
import type { DocumentKind } from './document-model';
import type { DocumentStatus, TalkingPoints, TemplateKind } from './document-schemas';

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  conferenceId: string | null;
  conferenceTitle: string | null;
  conferenceDate: string | null;
  departmentId: string | null;
  departmentName: string | null;
  personId: string | null;
  personName: string | null;
  drafter: string | null;
  reviewer: string | null;
  portalColumn: string | null;
  version: number;
  updatedAt: string;
}

export type ReviewAction = 'submit' | 'approve' | 'return' | 'release' | 'reopen';

export interface ReviewRecord {
  id: string;
  version: number;
  action: ReviewAction;
  actor: string;
  at: string;
  comment: string | null;
  confidentialityBy: string | null;
  agencyConfirmation: string | null;
}

export interface VersionRow {
  version: number;
  title: string;
  author: string;
  at: string;
  note: string | null;
}

/** A page of the document list and how many documents match the filter in all. */
export interface DocumentPage {
  total: number;
  offset: number;
  rows: DocumentRow[];
}

export interface DocumentDetail extends DocumentRow {
  body: string;
  talkingPoints: TalkingPoints | null;
  reviewedAt: string | null;
  confidentialityBy: string | null;
  confidentialityAt: string | null;
  agencyConfirmation: string | null;
  docNumber: string | null;
  policyTitle: string | null;
  policyNumber: string | null;
  policyDate: string | null;
  templateId: string | null;
  createdAt: string;
  reviews: ReviewRecord[];
  versions: VersionRow[];
  /** What the current user may do next. */
  allowed: ReviewAction[];
}

export interface DiffLine {
  op: 'same' | 'add' | 'remove';
  text: string;
}

export interface VersionDiff {
  from: { version: number; author: string; at: string; title: string };
  to: { version: number; author: string; at: string; title: string };
  lines: DiffLine[];
}

export interface AnswerView {
  id: string;
  question: string;
  answer: string;
  departmentId: string | null;
  departmentName: string | null;
  topic: string | null;
  tags: string[];
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** Not reviewed for 90 days (or never, and created 90 days ago). */
  stale: boolean;
  archived: boolean;
  version: number;
  updatedAt: string;
}

export interface TemplateView {
  id: string;
  kind: TemplateKind;
  name: string;
  title: string;
  body: string;
  builtin: boolean;
  basedOn: string | null;
  description: string | null;
  updatedAt: string | null;
}

export interface OfficeSettings {
  name: string;
  docPrefix: string;
  signature: string;
  exportDir: string | null;
  /** The office's code in 索引号 (code–year–serial) of portal items. */
  indexCode: string;
}

/** A file the app wrote for the user. */
export interface WrittenFile {
  path: string;
  bytes: number;
}
