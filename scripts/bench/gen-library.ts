// The answer library (口径库: written, revised, reviewed every few months) and the public-opinion
// register (舆情: detected, registered, answered within or past its deadline, severe ones reported).
import type { OpinionFields } from '../../common/opinion-schemas';
import { createAnswer, markAnswerReviewed, updateAnswer } from '../../db/queries/answers';
import { createOpinion, updateOpinion } from '../../db/queries/opinions';
import { readGrades } from '../../services/opinions';
import type { Rng } from './prng';
import { beijingIso } from './schedule';
import { answerText, opinionSummary, question, subject } from './text';
import { OPINION_SOURCES, SUBJECTS, TOPICS } from './words';
import { activeDepartments, type World } from './world';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;

export function scheduleAnswers(w: World, rng: Rng, from: number, to: number): void {
  for (let i = 0; i < w.plan.answers; i++) {
    const at = from + Math.floor(rng.next() * (to - from));
    w.timeline.at(at, () => {
      const s = subject(rng);
      const d = rng.chance(0.7) ? rng.pick(activeDepartments(w)) : null;
      const fields = {
        question: question(rng, s),
        answer: answerText(rng, s, d?.fields.name ?? '我市'),
        departmentId: d?.id ?? null,
        topic: rng.pick(TOPICS),
        tags: rng.sample(SUBJECTS, rng.int(1, 3)),
      };
      const created = w.session.write('answers.create', fields, rng.pick(w.staff), (input, stamp, ctx) =>
        createAnswer(ctx.db, stamp, input),
      );
      w.session.count('answers');
      w.answers.push(created.id);
      if (rng.chance(0.3)) {
        w.timeline.at(at + rng.int(30, 400) * DAY, () => {
          const revised = { ...fields, answer: `${fields.answer}${answerText(rng, s, '我们')}` };
          w.session.write(
            'answers.update',
            { id: created.id, fields: revised },
            rng.pick(w.staff),
            (input, stamp, ctx) => updateAnswer(ctx.db, stamp, input.id, input.fields),
          );
        });
      }
      let review = at;
      for (let k = rng.int(0, 3); k > 0; k--) {
        review += rng.int(20, 200) * DAY;
        w.timeline.at(review, () => {
          w.session.write('answers.review', { id: created.id }, rng.pick(w.staff), (input, stamp, ctx) =>
            markAnswerReviewed(ctx.db, stamp, input.id),
          );
        });
      }
    });
  }
}

export function scheduleOpinions(w: World, rng: Rng, from: number, to: number): void {
  for (let i = 0; i < w.plan.opinions; i++) {
    const detected = from + Math.floor(rng.next() * (to - from));
    const registered = detected + rng.int(10, 180) * 60_000;
    w.timeline.at(registered, () => {
      const s = subject(rng);
      const grade = rng.weighted<OpinionFields['grade']>([
        ['general', 80],
        ['major', 17],
        ['severe', 3],
      ]);
      const reported = grade === 'severe' && rng.chance(0.9);
      const d = rng.chance(0.8) ? rng.pick(activeDepartments(w)) : null;
      const fields: OpinionFields = {
        source: rng.pick(OPINION_SOURCES),
        channel: rng.pick(['website', 'weibo', 'wechat', 'hotline', 'petition', 'media', 'other'] as const),
        summary: opinionSummary(rng, s),
        topic: s,
        link: rng.chance(0.5) ? `https://weibo.com/${rng.int(1_000_000, 9_999_999)}/${rng.u32().toString(36)}` : null,
        detectedAt: beijingIso(detected),
        grade,
        judgement: grade === 'general' ? null : '网民关注度较高，存在炒作风险，需及时回应。',
        reaction: rng.chance(0.5) ? '网民评论以质疑为主' : null,
        mediaInvolvement: grade === 'severe' ? '已有市外媒体关注' : null,
        departmentId: d?.id ?? null,
        response: null,
        answeredAt: null,
        documentId: null,
        conferenceId: null,
        status: 'open',
        reportedTo: reported ? '市委宣传部' : null,
        reportedAt: reported ? beijingIso(registered) : null,
        notes: null,
      };
      const id = w.session.write('opinions.create', fields, rng.pick(w.staff), (input, stamp, ctx) =>
        createOpinion(ctx.db, stamp, input, readGrades(ctx)[input.grade].deadlineHours),
      );
      w.session.count('opinions');
      if (rng.chance(0.05)) return; // never answered: stays open (overdue on the dashboard)
      const hours = grade === 'severe' ? rng.int(2, 30) : grade === 'major' ? rng.int(4, 60) : rng.int(6, 120);
      const answeredAt = registered + hours * HOUR;
      w.timeline.at(answeredAt, () => {
        const response = rng.weighted<NonNullable<OpinionFields['response']>>([
          ['online_release', 50],
          ['interview', 20],
          ['expert', 15],
          ['conference', 15],
        ]);
        const conference = response === 'conference' ? w.conferences.at(-1) : undefined;
        const document = response === 'online_release' && rng.chance(0.2) ? w.documents.at(-1) : undefined;
        const answered: OpinionFields = {
          ...fields,
          response: response === 'conference' && !conference ? 'online_release' : response,
          answeredAt: beijingIso(answeredAt),
          conferenceId: conference?.id ?? null,
          documentId: document ?? null,
          status: rng.chance(0.3) ? 'closed' : 'answered',
        };
        w.session.write('opinions.update', { id, fields: answered }, rng.pick(w.staff), (input, stamp, ctx) =>
          updateOpinion(ctx.db, stamp, input.id, input.fields, readGrades(ctx)[input.fields.grade].deadlineHours),
        );
      });
    });
  }
}
