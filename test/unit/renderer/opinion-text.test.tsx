// How the 舆情 screens word things: the item's rules and schema problems, the response figures, and
// when the editor counts as changed.
import { describe, expect, it } from 'vitest';
import { opinionFields } from '../../../common/opinion-schemas';
import { opinionIssueKey } from '../../../renderer/src/components/opinions/opinion-issues';
import {
  newOpinionValues,
  opinionInput,
  opinionSnapshot,
} from '../../../renderer/src/components/opinions/opinion-values';
import { percentOf, rowLabel, shareText } from '../../../renderer/src/components/opinions/response-figures-text';
import { interpolate } from '../../../renderer/src/i18n/interpolate';
import type { MessageKey } from '../../../renderer/src/i18n/zh-CN';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const t = (key: MessageKey, params?: Record<string, string | number>) => interpolate(zhCN[key], params);

describe('opinionIssueKey', () => {
  it('words the server’s rules between fields (db/queries/opinions.ts)', () => {
    expect(opinionIssueKey('an answered or closed item needs the time it was answered')).toBe(
      'opinions.issue.answeredAtNeeded',
    );
    expect(opinionIssueKey('is before the item was detected')).toBe('opinions.issue.beforeDetected');
    expect(opinionIssueKey('a report up needs both to whom and when')).toBe('opinions.issue.reportPair');
    expect(opinionIssueKey('an item answered by a press conference links to it')).toBe('opinions.issue.conferenceLink');
    expect(opinionIssueKey('is required')).toBeNull();
  });

  it('words the schema’s own messages for a link and an instant', () => {
    const values = { ...newOpinionValues('2026-11-27 09:30'), source: '网站', channel: 'website' as const };
    const result = opinionFields.safeParse(opinionInput({ ...values, summary: '摘要', link: 'www.example.com' }));
    const keys = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path[0], opinionIssueKey(i.message)]));
    expect(keys).toEqual({ link: 'opinions.issue.link', detectedAt: 'opinions.issue.instant' });
  });
});

describe('opinionInput and opinionSnapshot', () => {
  const base = { ...newOpinionValues('2026-11-27T09:30:00+08:00'), source: ' 日照发布 ', channel: 'weibo' as const };

  it('trims text and leaves empty text for the schema to make null', () => {
    const parsed = opinionFields.parse(opinionInput({ ...base, summary: '供暖不达标', topic: '  ' }));
    expect(parsed.source).toBe('日照发布');
    expect(parsed.topic).toBeNull();
    expect(parsed.status).toBe('open');
  });

  it('treats the same instant in another offset, and trailing spaces, as no change', () => {
    const saved = opinionSnapshot({ ...base, detectedAt: '2026-11-27T01:30:00.000Z', notes: '' });
    expect(opinionSnapshot({ ...base, notes: '  ' })).toBe(saved);
    expect(opinionSnapshot({ ...base, grade: 'severe' })).not.toBe(saved);
  });
});

describe('response figures', () => {
  it('labels quarters, the department-less row and the year in the user’s language', () => {
    expect(rowLabel({ key: '2026-Q4', label: '第4季度' }, t)).toBe('第4季度');
    expect(rowLabel({ key: 'none', label: '未指定' }, t)).toBe('未指定部门');
    expect(rowLabel({ key: 'all', label: '全年' }, t)).toBe('全年');
    expect(rowLabel({ key: 'rizhao-09', label: '市住房城乡规划建设委' }, t)).toBe('市住房城乡规划建设委');
  });

  it('gives the share with what it was counted from, or a dash before any deadline passed', () => {
    expect(percentOf(2 / 3)).toBe('66.7');
    expect(percentOf(1)).toBe('100');
    expect(shareText({ share: 0.667, withinDeadline: 2, judged: 3 }, t)).toBe('66.7%（2/3）');
    expect(shareText({ share: null, withinDeadline: 0, judged: 0 }, t)).toBe('—');
  });
});
