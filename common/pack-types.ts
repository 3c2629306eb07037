// Exchange packs (材料包) between the office and a department: what the UI sees of them.
import type { DocumentKind } from './document-model';
import type { TalkingPoints } from './document-schemas';
import type { DiffLine } from './document-types';

export interface PackDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  conferenceId: string | null;
  personId: string | null;
  body: string;
  talkingPoints: TalkingPoints | null;
  /** The office's version the pack was made from. */
  baseVersion: number;
  editedBy: string | null;
  editedAt: string | null;
}

export interface PackAnswer {
  id: string;
  question: string;
  answer: string;
  topic: string | null;
  tags: string[];
  stale: boolean;
  baseVersion: number;
  editedBy: string | null;
  editedAt: string | null;
}

export interface Pack {
  format: 'press-office-pack/v1';
  packId: string;
  direction: 'to_department' | 'to_office';
  createdAt: string;
  office: string;
  department: { id: string; name: string; fullName: string };
  people: { id: string; name: string; role: 'head' | 'spokesperson' | 'deputy' }[];
  conferences: { id: string; title: string; date: string; time: string | null; venue: string | null }[];
  documents: PackDocument[];
  answers: PackAnswer[];
  returnedAt: string | null;
  returnedBy: string | null;
}

export interface PackSummary {
  id: string;
  direction: 'sent' | 'opened';
  departmentId: string;
  departmentName: string;
  office: string;
  createdAt: string;
  returnedAt: string | null;
  documents: number;
  answers: number;
}

export interface PackComparisonItem {
  type: 'document' | 'answer';
  id: string;
  title: string;
  /** What the department changed; nothing to accept when false. */
  changed: boolean;
  /** The office changed the item after sending the pack: accepting overwrites that change. */
  conflict: boolean;
  /** Why the item cannot be accepted (e.g. the document was approved meanwhile), or null. */
  problem: string | null;
  editedBy: string | null;
  lines: DiffLine[];
}

export interface PackComparison {
  packId: string;
  department: { id: string; name: string };
  returnedBy: string | null;
  returnedAt: string | null;
  items: PackComparisonItem[];
}
