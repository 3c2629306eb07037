// The template editor's pure parts: inserting a placeholder at the cursor, finding an issue's place,
// the insert menu's groups, the 【待填：…】 marks of a preview, the list's grouping and the diff of
// an answer's versions.
import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../../common/document-types';
import { validateTemplate } from '../../../common/templates/engine';
import { PLACEHOLDER_KEYS } from '../../../common/templates/placeholders';
import { versionChanges } from '../../../renderer/src/components/library/answer-versions';
import {
  insertAtSelection,
  offsetAt,
  placeholderGroups,
  placeholderLabel,
  placeholderText,
  splitMissingMarks,
} from '../../../renderer/src/components/library/template-text';
import { groupTemplates } from '../../../renderer/src/pages/templates-page';

describe('insertAtSelection', () => {
  it('inserts at a caret and puts the caret after the insertion', () => {
    expect(insertAtSelection('发布会于举行', 4, 4, '{{conference.dateCn}}')).toEqual({
      value: '发布会于{{conference.dateCn}}举行',
      caret: 4 + '{{conference.dateCn}}'.length,
    });
  });

  it('replaces a selection, in either direction', () => {
    expect(insertAtSelection('地点：XXX。', 3, 6, '{{conference.venue}}').value).toBe('地点：{{conference.venue}}。');
    expect(insertAtSelection('地点：XXX。', 6, 3, '{{conference.venue}}').value).toBe('地点：{{conference.venue}}。');
  });

  it('inserts at the start, at the end and into an empty text', () => {
    expect(insertAtSelection('abc', 0, 0, 'X')).toEqual({ value: 'Xabc', caret: 1 });
    expect(insertAtSelection('abc', 3, 3, 'X')).toEqual({ value: 'abcX', caret: 4 });
    expect(insertAtSelection('', 0, 0, '{{today}}')).toEqual({ value: '{{today}}', caret: 9 });
  });

  it('clamps positions out of range instead of losing text', () => {
    expect(insertAtSelection('abc', 99, 120, 'X')).toEqual({ value: 'abcX', caret: 4 });
    expect(insertAtSelection('abc', -5, -1, 'X')).toEqual({ value: 'Xabc', caret: 1 });
    expect(insertAtSelection('abc', Number.NaN, Number.NaN, 'X').value).toBe('abcX');
  });

  it('never splits a surrogate pair', () => {
    const text = 'a𠀀b';
    // A caret between the two halves of 𠀀 moves before it.
    const edited = insertAtSelection(text, 2, 2, 'X');
    expect(edited.value).toBe('aX𠀀b');
    expect(edited.value.isWellFormed()).toBe(true);
    expect(insertAtSelection(text, 1, 2, 'X').value).toBe('aXb');
  });

  it('writes placeholders as {{key}}', () => {
    expect(placeholderText('office.name')).toBe('{{office.name}}');
  });
});

describe('offsetAt', () => {
  it('finds a line and column as validateTemplate counts them', () => {
    const body = '第一段\n\n第二段{{conference.titel}}\r\n第三行{{x.y}}\r末行{{zz}}';
    for (const issue of validateTemplate({ title: '', body })) {
      const at = offsetAt(body, issue.line, issue.column);
      expect(body.slice(at, at + issue.text.length), issue.message).toBe(issue.text);
    }
    expect(validateTemplate({ title: '', body }).map((i) => i.line)).toEqual([3, 4, 5]);
  });

  it('stops at the end of a short line or of the text', () => {
    expect(offsetAt('ab\ncd', 1, 10)).toBe(2);
    expect(offsetAt('ab\ncd', 9, 1)).toBe(5);
    expect(offsetAt('', 1, 1)).toBe(0);
  });
});

describe('the insert menu', () => {
  it('lists every placeholder once, under its group, by its Chinese name', () => {
    const groups = placeholderGroups('zh-CN');
    const keys = groups.flatMap((g) => g.options.map((o) => o.key));
    expect([...keys].sort()).toEqual([...PLACEHOLDER_KEYS].sort());
    expect(groups[0]?.label).toBe('发布会');
    const venue = groups[0]?.options.find((o) => o.key === 'conference.venue');
    expect(venue?.label).toBe('发布会地点');
    expect(venue?.search).toContain('conference.venue');
    expect(venue?.search).toContain('发布会地点');
  });

  it('names the groups and placeholders in English for an English UI', () => {
    const groups = placeholderGroups('en-US');
    expect(groups[0]?.label).toBe('Conference');
    expect(placeholderLabel('conference.venue', 'en-US')).toBe('Venue');
    expect(placeholderLabel('office.name', 'zh-CN')).toBe('本机关名称');
    expect(placeholderLabel('no.such', 'zh-CN')).toBe('no.such');
  });
});

describe('splitMissingMarks', () => {
  it('splits out every 【待填：…】 mark and keeps the text whole', () => {
    const text = '定于【待填：发布会日期】在【待填：发布会地点】举行。';
    const parts = splitMissingMarks(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['【待填：发布会日期】', '【待填：发布会地点】']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('leaves a text without marks as one part, and an empty text as none', () => {
    expect(splitMissingMarks('日照市人民政府新闻办公室')).toEqual([{ mark: false, text: '日照市人民政府新闻办公室' }]);
    expect(splitMissingMarks('')).toEqual([]);
    // An unclosed mark is not a mark.
    expect(splitMissingMarks('【待填：地点').every((p) => !p.mark)).toBe(true);
  });
});

describe('groupTemplates', () => {
  const tpl = (id: string, kind: TemplateView['kind'], builtin: boolean, name = id): TemplateView => ({
    id,
    kind,
    name,
    title: '',
    body: '',
    builtin,
    basedOn: null,
    description: null,
    updatedAt: null,
  });

  it('groups by kind in the office order, built-ins first, empty kinds left out', () => {
    const groups = groupTemplates([
      tpl('c2', 'opening', false, '发布词（乙）'),
      tpl('qa', 'qa', true),
      tpl('c1', 'opening', false, '发布词（甲）'),
      tpl('opening', 'opening', true),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['opening', 'qa']);
    expect(groups[0]?.templates.map((t) => t.id)).toEqual(['opening', 'c1', 'c2']);
  });
});

describe('versionChanges', () => {
  const v = (version: number, question: string, answer: string) => ({
    version,
    question,
    answer,
    author: '王秀英',
    at: '2026-01-05T01:00:00.000Z',
  });

  it('compares each version with the one before it, newest first', () => {
    const changes = versionChanges([
      v(1, '问题', '第一行\n第二行'),
      v(3, '问题（改）', '第一行\n第二行（改）'),
      v(2, '问题', '第一行\n第二行（改）'),
    ]);
    expect(changes.map((c) => c.version.version)).toEqual([3, 2, 1]);
    expect(changes[0]?.answer).toBeNull();
    expect(changes[0]?.question?.map((l) => l.op)).toEqual(['remove', 'add']);
    expect(changes[1]?.answer).toEqual([
      { op: 'same', text: '第一行' },
      { op: 'remove', text: '第二行' },
      { op: 'add', text: '第二行（改）' },
    ]);
    expect(changes[2]).toMatchObject({ first: true, question: null, answer: null });
  });
});
