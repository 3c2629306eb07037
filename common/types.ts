// Shapes of the values the API returns. Plain data: they cross IPC and HTTP as JSON.
import type { Role } from './schemas';

export type DepartmentStatus = 'active' | 'merged' | 'archived';

export interface Department {
  id: string;
  name: string;
  fullName: string;
  listed: boolean;
  listedFrom: string | null;
  listedUntil: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  sortOrder: number;
  notes: string | null;
  status: DepartmentStatus;
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentRow extends Department {
  peopleCount: number;
  spokespersonCount: number;
  /** Spokespersons with no training on or before their tenure start. */
  untrainedSpokespersonCount: number;
  mergedIntoName: string | null;
}

export interface FormerName {
  name: string;
  fullName: string;
  until: string;
}

export interface Training {
  id: string;
  personId: string;
  date: string;
  course: string;
  hours: number | null;
}

export interface Person {
  id: string;
  departmentId: string;
  name: string;
  role: Role;
  title: string | null;
  phone: string | null;
  email: string | null;
  tenureStart: string | null;
  tenureEnd: string | null;
  notes: string | null;
  archived: boolean;
}

export interface PersonWithTrainings extends Person {
  trainings: Training[];
  untrained: boolean;
  /** Attendance and training rows that keep this person from being deleted. */
  recordCount: number;
}

export interface DepartmentDetail {
  department: Department;
  formerNames: FormerName[];
  mergedInto: { id: string; name: string } | null;
  mergedFrom: { id: string; name: string }[];
  people: PersonWithTrainings[];
  /** Conferences and attendance that keep this department from being deleted. */
  recordCount: number;
}

export type Language = 'zh-CN' | 'en-US';

export interface AppSettings {
  language: Language;
  /** The name recorded as "who did it" for changes made in the app. */
  userName: string;
  userNames: string[];
}

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  mode: 'electron' | 'browser';
}

export interface AuditRowView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditPage {
  total: number;
  rows: AuditRowView[];
}

export interface AuditFacets {
  actors: string[];
  entities: string[];
  actions: string[];
}

export interface BackupView {
  name: string;
  kind: 'auto' | 'manual' | 'import' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  bytes: number;
}
