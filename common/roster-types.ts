// Roster import (人员名册导入): what the preview shows before anything is written.
import type { Role } from './schemas';

export interface RosterPreviewRow {
  line: number;
  departmentText: string;
  departmentId: string;
  departmentName: string;
  name: string;
  role: Role | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  /** create: a new person; update: a person of that name in that department gets new details. */
  action: 'create' | 'update' | 'unchanged';
  personId: string | null;
}

export interface RosterPreview {
  fileName: string;
  rows: RosterPreviewRow[];
  errors: { line: number; column?: string | undefined; message: string }[];
  /** The whole file was refused (type, size, encoding, header). */
  fileError: string | null;
}
