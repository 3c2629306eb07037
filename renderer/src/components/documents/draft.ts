// What the user edits on a document page, apart from what is saved: the draft, whether it differs
// from the saved version, and the fields `documents.update` takes. Talking points (答问口径) are
// tidied before saving: rows left entirely blank go, and rows missing their one required text are
// reported by section and number so the editor can point at them.
import type { DocumentKind } from '../../../../common/document-model';
import type { DocumentFields, TalkingPoints } from '../../../../common/document-schemas';
import type { DocumentDetail } from '../../../../common/document-types';

export interface DocumentLinks {
  conferenceId: string | null;
  departmentId: string | null;
  personId: string | null;
  portalColumn: string | null;
  docNumber: string | null;
  policyTitle: string | null;
  policyNumber: string | null;
  policyDate: string | null;
}

export interface Draft extends DocumentLinks {
  title: string;
  body: string;
  /** Null for a text body (any kind, and a qa document written from a template). */
  talkingPoints: TalkingPoints | null;
}

export function draftOf(d: DocumentDetail): Draft {
  return {
    title: d.title,
    body: d.body,
    talkingPoints: d.talkingPoints,
    conferenceId: d.conferenceId,
    departmentId: d.departmentId,
    personId: d.personId,
    portalColumn: d.portalColumn,
    docNumber: d.docNumber,
    policyTitle: d.policyTitle,
    policyNumber: d.policyNumber,
    policyDate: d.policyDate,
  };
}

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';
const orNull = (s: string | null) => (blank(s) ? null : s);

/** Whether the draft says something other than the saved document (whitespace-only text counts as none). */
export function isDirty(draft: Draft, saved: Draft): boolean {
  const keys: (keyof DocumentLinks)[] = [
    'conferenceId',
    'departmentId',
    'personId',
    'portalColumn',
    'docNumber',
    'policyTitle',
    'policyNumber',
    'policyDate',
  ];
  if (keys.some((k) => orNull(draft[k]) !== orNull(saved[k]))) return true;
  if (draft.title !== saved.title) return true;
  if (draft.talkingPoints || saved.talkingPoints) {
    return JSON.stringify(draft.talkingPoints) !== JSON.stringify(saved.talkingPoints);
  }
  return draft.body !== saved.body;
}

export type TalkingPointsSection = 'points' | 'questions' | 'sensitive';

export interface TalkingPointsProblem {
  section: TalkingPointsSection;
  /** 0-based position in the list as the editor shows it (blank rows included). */
  index: number;
}

const blankPoint = (p: TalkingPoints['points'][number]) => blank(p.text) && blank(p.figure) && blank(p.source);
const blankQuestion = (q: TalkingPoints['questions'][number]) => blank(q.question) && blank(q.answer) && !q.answerId;
const blankSensitive = (s: TalkingPoints['sensitive'][number]) => blank(s.point) && blank(s.bridge);

/** Drops blank rows; names the other rows whose required text (要点, 问题, 敏感问题) is missing. */
export function prepareTalkingPoints(tp: TalkingPoints): { value: TalkingPoints; problems: TalkingPointsProblem[] } {
  const problems: TalkingPointsProblem[] = [];
  const check = <T>(
    section: TalkingPointsSection,
    items: readonly T[],
    isBlank: (x: T) => boolean,
    missing: (x: T) => boolean,
  ) =>
    items.filter((item, index) => {
      if (isBlank(item)) return false;
      if (missing(item)) problems.push({ section, index });
      return true;
    });
  const points = check('points', tp.points, blankPoint, (p) => blank(p.text));
  const questions = check('questions', tp.questions, blankQuestion, (q) => blank(q.question));
  const sensitive = check('sensitive', tp.sensitive, blankSensitive, (s) => blank(s.point));
  return {
    value: {
      keyMessage: tp.keyMessage,
      points: points.map((p) => ({ text: p.text, figure: orNull(p.figure), source: orNull(p.source) })),
      questions,
      sensitive,
    },
    problems,
  };
}

/** The fields `documents.update` takes for this draft (the kind never changes). */
export function fieldsOf(kind: DocumentKind, draft: Draft, templateId: string | null): DocumentFields {
  return {
    kind,
    title: draft.title,
    body: draft.body,
    talkingPoints: kind === 'qa' ? draft.talkingPoints : null,
    conferenceId: draft.conferenceId,
    departmentId: draft.departmentId,
    personId: draft.personId,
    portalColumn: orNull(draft.portalColumn),
    docNumber: orNull(draft.docNumber),
    policyTitle: orNull(draft.policyTitle),
    policyNumber: orNull(draft.policyNumber),
    policyDate: orNull(draft.policyDate),
    templateId,
  };
}

/** The list with the item at `from` moved to `to`; out-of-range moves leave it as it was. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1) as [T];
  out.splice(to, 0, item);
  return out;
}
