// 答问口径 as text: the body a qa document carries is derived from its talking points, in the
// documented body form (headings 一、 and （一）, paragraphs separated by blank lines), so that
// export, search, versions and the portal treat it like any other document.
import type { TalkingPoints } from './document-schemas';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 11] ?? ''}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
  return String(n);
}

/** The labels are the office's words; `names` maps a person id to the name printed for 答问人. */
export function talkingPointsBody(tp: TalkingPoints, names: ReadonlyMap<string, string> = new Map()): string {
  const parts: string[] = [];
  let section = 0;
  const heading = (label: string) => parts.push(`${chineseNumber(++section)}、${label}`);
  if (tp.keyMessage.trim()) {
    heading('核心信息');
    parts.push(tp.keyMessage.trim());
  }
  if (tp.points.length) {
    heading('支撑要点');
    tp.points.forEach((p, i) => {
      parts.push(`（${chineseNumber(i + 1)}）${p.text.trim()}`);
      const detail = [p.figure ? `数据：${p.figure}` : '', p.source ? `来源：${p.source}` : ''].filter(Boolean);
      if (detail.length) parts.push(detail.join('；'));
    });
  }
  if (tp.questions.length) {
    heading('预期问答');
    tp.questions.forEach((q, i) => {
      parts.push(`（${chineseNumber(i + 1)}）问：${q.question.trim()}`);
      const who = q.answererId ? names.get(q.answererId) : undefined;
      parts.push(`答：${q.answer.trim() || '（待拟）'}${who ? `（答问人：${who}）` : ''}`);
    });
  }
  if (tp.sensitive.length) {
    heading('敏感问题及引导口径');
    tp.sensitive.forEach((s, i) => {
      parts.push(`（${chineseNumber(i + 1)}）${s.point.trim()}`);
      parts.push(`引导：${s.bridge.trim() || '（待拟）'}`);
    });
  }
  // A blank line inside an item would split it into two paragraphs: keep items whole.
  return parts.map((p) => p.replace(/\n\s*\n/g, '\n')).join('\n\n');
}

export function emptyTalkingPoints(): TalkingPoints {
  return { keyMessage: '', points: [], questions: [], sensitive: [] };
}
