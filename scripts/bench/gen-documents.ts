// Documents (发布材料) over the decade, each written and revised by its drafter and, for many, taken
// through the review workflow by another member of staff: submit, sometimes return and resubmit,
// approve (保密审查), and for some release. Exactly `portalDocuments` of them are approved with a
// portal column, so a full portal package holds that many items.
import type { DocumentKind } from '../../common/document-model';
import type { DocumentFields, TalkingPointsInput } from '../../common/document-schemas';
import { createDocument, reviewDocument, updateDocument } from '../../db/queries/documents';
import { documentContent } from '../../services/documents';
import type { Rng } from './prng';
import { answerText, body, question, revise, subject } from './text';
import { activeDepartments, type ConferenceState, reviewerFor, type World } from './world';

type Workflow = 'portal' | 'approved' | 'reworked' | 'submitted' | 'draft';

interface Slot {
  kind: DocumentKind;
  workflow: Workflow;
}

const COLUMN: Partial<Record<DocumentKind, string>> = {
  release: '新闻发布',
  interpretation: '政策解读',
  notice: '通知公告',
  circular: '政府信息公开',
};

const LINKED_KINDS: readonly (readonly [DocumentKind, number])[] = [
  ['opening', 20],
  ['qa', 25],
  ['agenda', 15],
  ['transcript', 15],
  ['release', 15],
  ['notice', 10],
];
const PORTAL_KINDS: readonly (readonly [DocumentKind, number])[] = [
  ['release', 45],
  ['interpretation', 25],
  ['notice', 15],
  ['circular', 15],
];

const NOTES = ['根据领导意见修改', '补充最新数据', '调整表述', '按会商意见修改', null];

function otherWorkflow(rng: Rng): Workflow {
  return rng.weighted<Workflow>([
    ['approved', 35],
    ['reworked', 10],
    ['submitted', 10],
    ['draft', 45],
  ]);
}

function titleFor(kind: DocumentKind, s: string, c: ConferenceState | null, year: number): string {
  const conf = c?.title ?? `${s}新闻发布会`;
  switch (kind) {
    case 'opening':
      return `${conf}发布词`;
    case 'qa':
      return `${s}答问口径`;
    case 'agenda':
      return `${conf}议程`;
    case 'transcript':
      return `${conf}文字实录`;
    case 'release':
      return `${year}年${s}工作新闻通稿`;
    case 'interpretation':
      return `《关于${s}的实施意见》政策解读`;
    case 'notice':
      return `关于召开${s}新闻发布会的通知`;
    default:
      return `关于${year}年${s}工作情况的通报`;
  }
}

export class DocumentWriter {
  private serials = new Map<number, number>();

  constructor(
    private readonly w: World,
    private readonly rng: Rng,
  ) {}

  /** Conference-linked documents (发布词, 答问口径, 议程 …), written soon after it is planned. */
  linked(c: ConferenceState, plannedAt: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = Math.min(this.w.plan.end, plannedAt + this.rng.int(10, 2 * 24 * 60) * 60_000);
      const kind = this.rng.weighted(LINKED_KINDS);
      this.w.timeline.at(at, () => this.start({ kind, workflow: otherWorkflow(this.rng) }, c));
    }
  }

  /** Documents of their own (通稿, 政策解读, 通报); `portal` ones end approved with a portal column. */
  standalone(count: number, portal: number, from: number, to: number): void {
    for (let i = 0; i < count; i++) {
      const isPortal = i < portal;
      const kind = this.rng.weighted(PORTAL_KINDS);
      const at = from + Math.floor(this.rng.next() * (to - from));
      this.w.timeline.at(at, () => this.start({ kind, workflow: isPortal ? 'portal' : otherWorkflow(this.rng) }, null));
    }
  }

  private talkingPoints(s: string, c: ConferenceState | null): TalkingPointsInput {
    const rng = this.rng;
    const answerers = c?.speakers.map((sp) => sp.personId) ?? [];
    return {
      keyMessage: `${s}工作总体平稳有序，各项措施落实到位。`,
      points: Array.from({ length: rng.int(2, 3) }, () => ({
        text: answerText(rng, s, '我们'),
        figure: rng.chance(0.5) ? `${rng.int(10, 99)}.${rng.int(0, 9)}%` : null,
        source: rng.chance(0.5) ? '市统计局' : null,
      })),
      questions: Array.from({ length: rng.int(2, 4) }, () => ({
        question: question(rng, s),
        answer: answerText(rng, s, '我们'),
        answererId: answerers.length ? rng.pick(answerers) : null,
        answerId: this.w.answers.length && rng.chance(0.4) ? rng.pick(this.w.answers) : null,
      })),
      sensitive: rng.chance(0.3) ? [{ point: `${s}中的个别争议问题`, bridge: '以权威部门发布为准' }] : [],
    };
  }

  private start(slot: Slot, c: ConferenceState | null): void {
    const { w, rng } = this;
    const s = c?.subject ?? subject(rng);
    const departmentId = c
      ? (c.hostDepartmentId ?? c.departmentIds[0] ?? null)
      : rng.chance(0.8)
        ? rng.pick(activeDepartments(w)).id
        : null;
    const person =
      c && (slot.kind === 'qa' || slot.kind === 'opening')
        ? c.speakers.find((sp) => sp.departmentId === departmentId)
        : undefined;
    const who = departmentId ? (w.departmentById.get(departmentId)?.fields.name ?? '我市') : '我市';
    const drafter = rng.pick(w.staff);
    const docYear = c ? Number(c.date.slice(0, 4)) : w.session.app.ctx.now().getFullYear();
    const serial = (this.serials.get(docYear) ?? 0) + 1;
    if (slot.kind === 'notice' || slot.kind === 'circular') this.serials.set(docYear, serial);
    const fields: DocumentFields = {
      kind: slot.kind,
      title: titleFor(slot.kind, s, c, docYear),
      conferenceId: c?.id ?? null,
      departmentId,
      personId: person?.personId ?? null,
      body: slot.kind === 'qa' ? '' : body(rng, s, who),
      talkingPoints: slot.kind === 'qa' ? this.talkingPoints(s, c) : null,
      portalColumn: slot.workflow === 'portal' ? (COLUMN[slot.kind] ?? null) : null,
      docNumber: slot.kind === 'notice' || slot.kind === 'circular' ? `日新办〔${docYear}〕${serial}号` : null,
      policyTitle: slot.kind === 'interpretation' ? `关于${s}的实施意见` : null,
      policyNumber: slot.kind === 'interpretation' ? `日政发〔${docYear}〕${rng.int(1, 60)}号` : null,
      policyDate: slot.kind === 'interpretation' ? `${docYear}-${String(rng.int(1, 12)).padStart(2, '0')}-15` : null,
    };
    const id = w.session.write('documents.create', { fields }, drafter, (input, stamp, ctx) =>
      createDocument(ctx.db, stamp, documentContent(ctx, input.fields)),
    );
    w.session.count('documents');
    w.session.count('versions');
    w.documents.push(id);
    const reviewer = reviewerFor(rng, w.staff, drafter);
    const steps: (() => void)[] = [];
    const edit = () => {
      if (fields.kind === 'qa' && fields.talkingPoints) {
        const tp = fields.talkingPoints;
        fields.talkingPoints = { ...tp, points: [...(tp.points ?? []), { text: answerText(rng, s, who) }] };
      } else {
        fields.body = revise(rng, fields.body ?? '', s, who);
      }
      w.session.write('documents.update', { id, fields, note: rng.pick(NOTES) }, drafter, (input, stamp, ctx) =>
        updateDocument(ctx.db, stamp, input.id, documentContent(ctx, input.fields), {
          expectedVersion: input.expectedVersion,
          note: input.note,
        }),
      );
      w.session.count('versions');
    };
    const review = (action: 'submit' | 'approve' | 'return' | 'release') => () => {
      const input = {
        id,
        action,
        comment: action === 'return' ? '请核实数据来源并精简表述' : null,
        confidentialityBy: action === 'approve' ? reviewer : null,
        agencyConfirmation: action === 'approve' && rng.chance(0.3) ? '已与相关部门会商确认' : null,
      };
      // The reviewer is never the drafter: the app refuses that, so the generator acts as another person.
      w.session.write('documents.review', input, action === 'submit' ? drafter : reviewer, (p, stamp, ctx) => {
        const { id: docId, action: step, ...options } = p;
        reviewDocument(ctx.db, stamp, docId, step, options);
      });
      w.session.count('reviews');
    };
    const edits = slot.workflow === 'draft' ? rng.int(0, 3) : rng.int(0, 2);
    for (let i = 0; i < edits; i++) steps.push(edit);
    if (slot.workflow !== 'draft') steps.push(review('submit'));
    if (slot.workflow === 'reworked') steps.push(review('return'), edit, review('submit'));
    if (slot.workflow === 'portal' || slot.workflow === 'approved' || slot.workflow === 'reworked') {
      steps.push(review('approve'));
      if (rng.chance(0.4)) steps.push(review('release'));
    }
    let at = w.session.app.ctx.now().getTime();
    for (const step of steps) {
      at += rng.int(30, 36 * 60) * 60_000;
      w.timeline.at(at, step);
    }
  }
}

/** The first instant documents of their own are written, and the last that leaves time to approve them. */
export function standaloneWindow(w: World, setupAt: number): [number, number] {
  return [setupAt + 24 * 3_600_000, w.plan.end - 20 * 24 * 3_600_000];
}
