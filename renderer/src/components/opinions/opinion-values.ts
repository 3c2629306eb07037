// The editor's form values and their way to and from the API: text fields are strings in the form
// (empty when not filled), instants are ISO strings with their offset.
import type { OpinionFields, OpinionGrade, OpinionStatus } from '../../../../common/opinion-schemas';
import type { OpinionView } from '../../../../common/opinion-types';

export interface OpinionValues {
  source: string;
  channel: OpinionView['channel'] | null;
  summary: string;
  topic: string;
  link: string;
  detectedAt: string | null;
  grade: OpinionGrade;
  judgement: string;
  reaction: string;
  mediaInvolvement: string;
  departmentId: string | null;
  response: OpinionView['response'];
  answeredAt: string | null;
  documentId: string | null;
  conferenceId: string | null;
  status: OpinionStatus;
  reportedTo: string;
  reportedAt: string | null;
  notes: string;
}

/** A new item: detected now, 一般, 待处置; the rest for the user. */
export function newOpinionValues(detectedAt: string): OpinionValues {
  return {
    source: '',
    channel: null,
    summary: '',
    topic: '',
    link: '',
    detectedAt,
    grade: 'general',
    judgement: '',
    reaction: '',
    mediaInvolvement: '',
    departmentId: null,
    response: null,
    answeredAt: null,
    documentId: null,
    conferenceId: null,
    status: 'open',
    reportedTo: '',
    reportedAt: null,
    notes: '',
  };
}

export function opinionValues(o: OpinionView): OpinionValues {
  return {
    source: o.source,
    channel: o.channel,
    summary: o.summary,
    topic: o.topic ?? '',
    link: o.link ?? '',
    detectedAt: o.detectedAt,
    grade: o.grade,
    judgement: o.judgement ?? '',
    reaction: o.reaction ?? '',
    mediaInvolvement: o.mediaInvolvement ?? '',
    departmentId: o.departmentId,
    response: o.response,
    answeredAt: o.answeredAt,
    documentId: o.documentId,
    conferenceId: o.conferenceId,
    status: o.status,
    reportedTo: o.reportedTo ?? '',
    reportedAt: o.reportedAt,
    notes: o.notes ?? '',
  };
}

const trimmed = (s: string | null | undefined) => (s ?? '').trim();

/** The API's fields; the shared schema turns empty text into null. */
export function opinionInput(v: Partial<OpinionValues>): OpinionFields {
  return {
    source: trimmed(v.source),
    // An unset choice goes as undefined so the schema says "请选择".
    channel: (v.channel ?? undefined) as OpinionFields['channel'],
    summary: trimmed(v.summary),
    topic: trimmed(v.topic),
    link: trimmed(v.link),
    detectedAt: v.detectedAt ?? '',
    grade: v.grade ?? 'general',
    judgement: trimmed(v.judgement),
    reaction: trimmed(v.reaction),
    mediaInvolvement: trimmed(v.mediaInvolvement),
    departmentId: v.departmentId ?? null,
    response: v.response ?? null,
    answeredAt: v.answeredAt ?? null,
    documentId: v.documentId ?? null,
    conferenceId: v.conferenceId ?? null,
    status: v.status ?? 'open',
    reportedTo: trimmed(v.reportedTo),
    reportedAt: v.reportedAt ?? null,
    notes: trimmed(v.notes),
  };
}

/**
 * What the item would save as, for telling whether anything changed: two instants are equal when
 * they are the same moment (a saved `…Z` and a picked `…+08:00`), text when equal after trimming.
 */
export function opinionSnapshot(v: Partial<OpinionValues>): string {
  const input = opinionInput(v);
  const instant = (s: string | null | undefined) => (s ? String(Date.parse(s)) : '');
  return JSON.stringify({
    ...input,
    detectedAt: instant(input.detectedAt),
    answeredAt: instant(input.answeredAt),
    reportedAt: instant(input.reportedAt),
  });
}
