// Composes Chinese names, titles and bodies from the word lists. Every function draws only from the
// Rng it is given, so the text is as repeatable as the seed.
import type { Rng } from './prng';
import {
  ACTORS,
  GIVEN,
  GOALS,
  HEADINGS,
  MEASURES,
  NEXT_STEPS,
  OPINION_CONCERNS,
  RESULTS,
  SUBJECTS,
  SURNAMES,
  VERBS,
} from './words';

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

export function phone(rng: Rng): string {
  return `0633-${rng.int(2000000, 8999999)}`;
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['35', '37', '39', '58', '86', '88'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

function sentence(rng: Rng, subject: string, who: string): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.pick(ACTORS)}${rng.pick(VERBS)}${rng.pick(GOALS)}，围绕${subject}${rng.pick(MEASURES)}，${rng.pick(RESULTS)}。`;
    case 1:
      return `${who}坚持问题导向，${rng.pick(MEASURES)}、${rng.pick(MEASURES)}，${subject}工作${rng.pick(RESULTS)}。`;
    case 2:
      return `截至目前，全市${subject}累计投入资金${rng.int(2, 90)}.${rng.int(1, 9)}亿元，惠及群众${rng.int(1, 60)}万人次，同比增长${rng.int(2, 35)}.${rng.int(0, 9)}%。`;
    case 3:
      return `在${subject}方面，${who}${rng.pick(VERBS)}${rng.pick(GOALS)}，${rng.pick(MEASURES)}，推动工作由“有没有”向“好不好”转变。`;
    default:
      return `据统计，今年以来共开展${subject}专项检查${rng.int(10, 900)}次，发现并整改问题${rng.int(5, 400)}项，${rng.pick(RESULTS)}。`;
  }
}

function paragraph(rng: Rng, subject: string, who: string, sentences: number): string {
  let text = '';
  for (let i = 0; i < sentences; i++) text += sentence(rng, subject, who);
  return text;
}

/** A body of a few hundred characters: paragraphs, sometimes under 一、二、 headings. */
export function body(rng: Rng, subject: string, who: string): string {
  const parts: string[] = [];
  const withHeadings = rng.chance(0.4);
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    if (withHeadings) parts.push(HEADINGS[i] as string);
    parts.push(paragraph(rng, subject, who, rng.int(1, 3)));
  }
  parts.push(rng.pick(NEXT_STEPS));
  return parts.join('\n\n');
}

/** A shorter edit of a body: a sentence added or a paragraph rewritten, as a second draft does. */
export function revise(rng: Rng, text: string, subject: string, who: string): string {
  const paragraphs = text.split('\n\n');
  const i = rng.int(0, paragraphs.length - 1);
  const p = paragraphs[i] as string;
  paragraphs[i] = /^[一二三四]、/.test(p) ? p : `${p}${sentence(rng, subject, who)}`;
  return paragraphs.join('\n\n');
}

export function subject(rng: Rng): string {
  return rng.pick(SUBJECTS);
}

export function conferenceTitle(rng: Rng, s: string, host: string | null, year: number): string {
  if (host && rng.chance(0.6)) return `${host}${s}工作新闻发布会`;
  return rng.pick([`${year}年${s}新闻发布会`, `关于${s}有关情况的新闻发布会`, `“${s}”主题新闻发布会`]);
}

export function question(rng: Rng, s: string): string {
  return rng.pick([
    `请介绍一下${s}的主要进展和下一步打算。`,
    `市民关心的${s}问题，目前有哪些具体措施？`,
    `有网友反映${s}推进较慢，请问原因是什么？`,
    `${s}涉及哪些群体，怎样办理？`,
    `在${s}方面，今年有哪些新变化？`,
  ]);
}

export function answerText(rng: Rng, s: string, who: string): string {
  return `${paragraph(rng, s, who, rng.int(2, 3))}${rng.pick(NEXT_STEPS)}`;
}

export function opinionSummary(rng: Rng, s: string): string {
  return `${rng.pick(['有网民', '有市民', '有媒体', '有自媒体账号'])}${rng.pick(OPINION_CONCERNS)}，涉及${s}，${rng.pick(
    ['转评量较大', '引发部分网民跟帖讨论', '热度持续上升', '目前关注度不高'],
  )}，相关部门已介入核实。`;
}
