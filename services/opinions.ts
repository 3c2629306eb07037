// 舆情: the register's service side: grade settings (definitions and deadline hours), saving items
// with their derived deadline, response-time figures, and a press conference answering an item.
import type { z } from 'zod';
import { addDays, localDate } from '../common/dates';
import { quarterOf } from '../common/domain/periods';
import { GRADE_DEFAULTS } from '../common/opinion-defaults';
import type { GradeSettings, opinionFields } from '../common/opinion-schemas';
import type { GradeView, OpinionView, ResponseStats, ResponseStatsRow } from '../common/opinion-types';
import { AppError } from '../common/result';
import { createConference } from '../db/queries/conference-lifecycle';
import { createOpinion, getOpinion, listOpinions, type OpinionContent, updateOpinion } from '../db/queries/opinions';
import { getSetting, putSetting } from '../db/queries/settings';
import { makeStamp, type ServiceContext } from './context';
import { currentActor } from './settings';

type ParsedOpinion = z.output<typeof opinionFields>;

export function readGrades(ctx: ServiceContext): GradeSettings {
  return { ...GRADE_DEFAULTS, ...(getSetting<Partial<GradeSettings>>(ctx.db, 'opinionGrades') ?? {}) };
}

export function gradeViews(ctx: ServiceContext): GradeView[] {
  const g = readGrades(ctx);
  return (['general', 'major', 'severe'] as const).map((grade) => ({ grade, ...g[grade] }));
}

export function writeGrades(ctx: ServiceContext, grades: GradeSettings): GradeView[] {
  putSetting(ctx.db, 'opinionGrades', grades);
  return gradeViews(ctx);
}

function content(f: ParsedOpinion): OpinionContent {
  return { ...f };
}

const nowIso = (ctx: ServiceContext) => ctx.now().toISOString();

export function saveOpinion(ctx: ServiceContext, id: string | null, f: ParsedOpinion): OpinionView {
  const stamp = makeStamp(ctx, currentActor(ctx));
  const hours = readGrades(ctx)[f.grade].deadlineHours;
  const saved = id ?? createOpinion(ctx.db, stamp, content(f), hours);
  if (id) updateOpinion(ctx.db, stamp, id, content(f), hours);
  return getOpinion(ctx.db, saved, nowIso(ctx));
}

/**
 * Plans a press conference answering the item: it carries the item's topic (or summary), the
 * responsible department, and the item links to it with the response 新闻发布会.
 */
export function conferenceForOpinion(
  ctx: ServiceContext,
  input: { id: string; date: string; time: string | null; title: string | null },
): OpinionView {
  const item = getOpinion(ctx.db, input.id, nowIso(ctx));
  if (item.conferenceId)
    throw new AppError('conflict', `the item is already answered by conference "${item.conferenceTitle}"`);
  const stamp = makeStamp(ctx, currentActor(ctx));
  const topic = item.topic ?? Array.from(item.summary).slice(0, 30).join('');
  ctx.db.transaction((t) => {
    const conferenceId = createConference(t, stamp, {
      title: input.title ?? `关于${topic}有关情况的新闻发布会`,
      date: input.date,
      time: input.time,
      venue: null,
      organizer: item.departmentId ? 'department' : 'city',
      hostDepartmentId: item.departmentId,
      departmentIds: item.departmentId ? [item.departmentId] : [],
      topics: [topic],
      kind: item.grade === 'severe' ? 'emergency' : 'ad_hoc',
      speakers: [],
      mediaIds: [],
      notes: `回应舆情：${item.summary}`,
    });
    updateOpinion(
      t,
      stamp,
      item.id,
      {
        ...stripView(item),
        response: 'conference',
        conferenceId,
        status: item.status === 'open' ? 'answering' : item.status,
      },
      readGrades(ctx)[item.grade].deadlineHours,
    );
  });
  return getOpinion(ctx.db, item.id, nowIso(ctx));
}

function stripView(v: OpinionView): OpinionContent {
  return {
    source: v.source,
    channel: v.channel,
    summary: v.summary,
    topic: v.topic,
    link: v.link,
    detectedAt: v.detectedAt,
    grade: v.grade,
    judgement: v.judgement,
    reaction: v.reaction,
    mediaInvolvement: v.mediaInvolvement,
    departmentId: v.departmentId,
    response: v.response,
    answeredAt: v.answeredAt,
    documentId: v.documentId,
    conferenceId: v.conferenceId,
    status: v.status,
    reportedTo: v.reportedTo,
    reportedAt: v.reportedAt,
    notes: v.notes,
  };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

function statsRow(key: string, label: string, items: readonly OpinionView[], now: number): ResponseStatsRow {
  const answered = items.filter((i) => i.answeredAt);
  const judged = items.filter((i) => i.answeredAt || Date.parse(i.deadlineAt) < now);
  const within = answered.filter((i) => Date.parse(i.answeredAt as string) <= Date.parse(i.deadlineAt));
  return {
    key,
    label,
    items: items.length,
    answered: answered.length,
    medianHours: median(answered.map((i) => i.responseHours ?? 0)),
    withinDeadline: within.length,
    judged: judged.length,
    share: judged.length ? Math.round((within.length / judged.length) * 1000) / 1000 : null,
  };
}

/** Response-time figures for a year: per quarter (of detection) and per responsible department. */
export function responseStats(ctx: ServiceContext, year: number): ResponseStats {
  const y = String(year).padStart(4, '0');
  // Detection instants are stored in UTC; a local day can start the evening before.
  const items = listOpinions(
    ctx.db,
    { from: addDays(`${y}-01-01`, -1), to: `${y}-12-31` },
    nowIso(ctx),
    1_000_000,
  ).filter((i) => localDate(new Date(i.detectedAt)).startsWith(y));
  const now = ctx.now().getTime();
  const byQuarter = ([1, 2, 3, 4] as const).map((q) =>
    statsRow(
      `${y}-Q${q}`,
      `第${q}季度`,
      items.filter((i) => quarterOf(localDate(new Date(i.detectedAt))).quarter === q),
      now,
    ),
  );
  const departments = new Map<string, string>();
  for (const i of items) departments.set(i.departmentId ?? '', i.departmentName ?? '');
  const byDepartment = [...departments.entries()]
    .map(([id, name]) =>
      statsRow(
        id || 'none',
        name || '未指定',
        items.filter((i) => (i.departmentId ?? '') === id),
        now,
      ),
    )
    .sort((a, b) => b.items - a.items || a.label.localeCompare(b.label, 'zh-CN'));
  return { year, byQuarter, byDepartment, total: statsRow('all', '全年', items, now) };
}
