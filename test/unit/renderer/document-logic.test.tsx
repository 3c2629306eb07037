// The document screens' pure parts: the draft against the saved document, talking points tidied
// before a save, the suggested export name, the folded diff, save refusals, template choice and
// catalog coverage of kinds, statuses and review steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../common/diff';
import { DOCUMENT_KINDS } from '../../../common/document-model';
import { DOCUMENT_STATUSES, documentFields, type TalkingPoints } from '../../../common/document-schemas';
import type { DiffLine, DocumentDetail, TemplateView } from '../../../common/document-types';
import { REVIEW_ACTIONS } from '../../../common/domain/review';
import { ApiRequestError } from '../../../renderer/src/api/client';
import { diffCounts, foldDiff } from '../../../renderer/src/components/documents/diff-fold';
import {
  draftOf,
  fieldsOf,
  isDirty,
  moveItem,
  prepareTalkingPoints,
} from '../../../renderer/src/components/documents/draft';
import { suggestedFileName } from '../../../renderer/src/components/documents/export-name';
import { isOwnReviewRefusal, saveRefusal } from '../../../renderer/src/components/documents/save-error';
import { defaultTemplate, NO_TEMPLATE, templatesFor } from '../../../renderer/src/components/documents/template-choice';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const TP: TalkingPoints = {
  keyMessage: '开局良好',
  points: [{ text: '开工118个', figure: '118个', source: null }],
  questions: [{ question: '进展如何？', answer: '进展顺利。', answererId: 'p1', answerId: 'a1' }],
  sensitive: [],
};

function detail(patch: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    id: 'd1',
    kind: 'qa',
    title: '答问口径',
    status: 'draft',
    conferenceId: 'c1',
    conferenceTitle: '发布会',
    conferenceDate: '2026-03-10',
    departmentId: 'rizhao-01',
    departmentName: '市发改委',
    personId: null,
    personName: null,
    drafter: '李起草',
    reviewer: null,
    portalColumn: null,
    version: 2,
    updatedAt: '2026-03-01T00:00:00.000Z',
    body: '一、核心信息\n\n开局良好',
    talkingPoints: TP,
    reviewedAt: null,
    confidentialityBy: null,
    confidentialityAt: null,
    agencyConfirmation: null,
    docNumber: null,
    policyTitle: null,
    policyNumber: null,
    policyDate: null,
    templateId: null,
    createdAt: '2026-03-01T00:00:00.000Z',
    reviews: [],
    versions: [],
    allowed: ['submit'],
    ...patch,
  };
}

describe('the draft', () => {
  it('is clean as loaded and dirty once anything saved differs', () => {
    const saved = draftOf(detail());
    expect(isDirty(saved, saved)).toBe(false);
    expect(isDirty({ ...saved, title: '新标题' }, saved)).toBe(true);
    expect(isDirty({ ...saved, personId: 'p1' }, saved)).toBe(true);
    expect(isDirty({ ...saved, talkingPoints: { ...TP, keyMessage: '改了' } }, saved)).toBe(true);
  });

  it('treats an emptied optional field as none', () => {
    const saved = draftOf(detail());
    expect(isDirty({ ...saved, docNumber: '' }, saved)).toBe(false);
    expect(isDirty({ ...saved, docNumber: '  ' }, saved)).toBe(false);
  });

  it('compares the body only for a text document', () => {
    const text = draftOf(detail({ talkingPoints: null, body: 'a' }));
    expect(isDirty({ ...text, body: 'b' }, text)).toBe(true);
    // The body of a structured document is derived on the server; the draft never edits it.
    const structured = draftOf(detail());
    expect(isDirty({ ...structured, body: 'other' }, structured)).toBe(false);
  });

  it('makes fields the update schema accepts, keeping talking points only on qa', () => {
    const qa = fieldsOf('qa', { ...draftOf(detail()), docNumber: '' }, null);
    expect(documentFields.safeParse(qa).success).toBe(true);
    expect(qa.docNumber).toBeNull();
    const release = fieldsOf('release', draftOf(detail({ kind: 'release' })), 'release');
    expect(release.talkingPoints).toBeNull();
    expect(documentFields.safeParse(release).success).toBe(true);
  });
});

describe('talking points before a save', () => {
  it('drops rows left blank and keeps the others', () => {
    const { value, problems } = prepareTalkingPoints({
      ...TP,
      points: [...TP.points, { text: ' ', figure: '', source: null }],
      questions: [{ question: '', answer: '', answererId: 'p1', answerId: null }, ...TP.questions],
      sensitive: [{ point: '', bridge: '' }],
    });
    expect(problems).toEqual([]);
    expect(value.points).toHaveLength(1);
    expect(value.questions).toEqual(TP.questions);
    expect(value.sensitive).toEqual([]);
  });

  it('names rows missing their required text by their place in the editor', () => {
    const { problems } = prepareTalkingPoints({
      ...TP,
      points: [
        { text: '', figure: '', source: null },
        { text: '', figure: '12%', source: null },
      ],
      questions: [...TP.questions, { question: ' ', answer: '只有答案', answererId: null, answerId: null }],
      sensitive: [{ point: '', bridge: '引导' }],
    });
    expect(problems).toEqual([
      { section: 'points', index: 1 },
      { section: 'questions', index: 1 },
      { section: 'sensitive', index: 0 },
    ]);
  });

  it('keeps a question taken from the library even when its text was cleared', () => {
    const { problems } = prepareTalkingPoints({
      ...TP,
      questions: [{ question: '', answer: '', answererId: null, answerId: 'a9' }],
    });
    expect(problems).toEqual([{ section: 'questions', index: 0 }]);
  });

  it('moves items within bounds only', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('the suggested export name', () => {
  it('is the title, marked 草稿 until approved', () => {
    expect(suggestedFileName('答问口径', true, '（草稿）')).toBe('答问口径.docx');
    expect(suggestedFileName('答问口径', false, '（草稿）')).toBe('答问口径（草稿）.docx');
  });

  it('replaces what a file system refuses and keeps within 200 bytes', () => {
    expect(suggestedFileName('关于"十四五"/规划: 解读?', true, '')).toBe('关于_十四五__规划_ 解读_.docx');
    expect(suggestedFileName('  ..  ', true, '')).toBe('document.docx');
    expect(suggestedFileName('con', true, '')).toBe('_con.docx');
    const long = suggestedFileName('政'.repeat(300), false, '（草稿）');
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('never splits a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const name = suggestedFileName(title, false, '（草稿）');
        expect(name.isWellFormed()).toBe(true);
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
        expect(/[\\/:*?"<>|]/.test(name)).toBe(false);
      }),
    );
  });
});

describe('the folded diff', () => {
  const same = (n: number): DiffLine[] => Array.from({ length: n }, (_, i) => ({ op: 'same', text: `s${i}` }));

  it('keeps two lines of context around a change and folds the rest', () => {
    const lines: DiffLine[] = [...same(10), { op: 'remove', text: 'old' }, { op: 'add', text: 'new' }, ...same(10)];
    const folded = foldDiff(lines);
    expect(folded[0]).toEqual({ type: 'fold', count: 8, first: 1 });
    expect(folded.filter((s) => s.type === 'line')).toHaveLength(6);
    expect(folded.at(-1)).toEqual({ type: 'fold', count: 8, first: 15 });
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('shows a single unchanged line instead of folding it', () => {
    const lines: DiffLine[] = [{ op: 'add', text: 'a' }, ...same(5), { op: 'add', text: 'b' }];
    expect(foldDiff(lines).every((s) => s.type === 'line')).toBe(true);
  });

  it('accounts for every line once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 40 }),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 40 }),
        (a, b) => {
          const lines = diffLines(a.join('\n'), b.join('\n'));
          const numbers: number[] = [];
          for (const s of foldDiff(lines)) {
            if (s.type === 'line') numbers.push(s.number);
            else for (let i = 0; i < s.count; i++) numbers.push(s.first + i);
          }
          expect(numbers).toEqual(lines.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe('refusals', () => {
  const err = (code: 'conflict' | 'invalid_input', message: string) =>
    new ApiRequestError('documents.update', { code, message });

  it('tells a newer version from a document that left draft', () => {
    expect(
      saveRefusal(
        err('conflict', 'document "x" was changed by someone else (now version 3, you edited version 2); reload it'),
      ),
    ).toEqual({ kind: 'newerVersion', version: 3 });
    expect(saveRefusal(err('conflict', 'document "x" is submitted; reopen it before editing'))).toEqual({
      kind: 'notEditable',
    });
    expect(saveRefusal(err('invalid_input', 'fields.title: is required'))).toBeNull();
    expect(saveRefusal(new Error('network'))).toBeNull();
  });

  it('recognises the drafter reviewing their own document', () => {
    expect(
      isOwnReviewRefusal(
        err(
          'conflict',
          'document "x": the drafter (李起草) cannot review their own document; another person must review it',
        ),
      ),
    ).toBe(true);
  });
});

describe('template choice', () => {
  const tpl = (id: string, kind: TemplateView['kind'], builtin: boolean): TemplateView => ({
    id,
    kind,
    name: id,
    title: '',
    body: '',
    builtin,
    basedOn: null,
    description: null,
    updatedAt: null,
  });
  const all = [
    tpl('office-release', 'release', false),
    tpl('release', 'release', true),
    tpl('compliance', 'compliance', true),
    tpl('circular', 'circular', true),
  ];

  it('offers the templates of the kind, and the compliance sheet for a 通报', () => {
    expect(templatesFor('release', all).map((x) => x.id)).toEqual(['office-release', 'release']);
    expect(templatesFor('circular', all).map((x) => x.id)).toEqual(['compliance', 'circular']);
  });

  it('proposes the built-in of the kind, and structured talking points for qa', () => {
    expect(defaultTemplate('release', all)).toBe('release');
    expect(defaultTemplate('circular', all)).toBe('circular');
    expect(defaultTemplate('qa', all)).toBe(NO_TEMPLATE);
    expect(defaultTemplate('agenda', all)).toBe(NO_TEMPLATE);
  });
});

describe('catalog coverage', () => {
  it('names every kind, status and review step in both languages', () => {
    const keys = [
      ...DOCUMENT_KINDS.map((k) => `document.kind.${k}`),
      ...DOCUMENT_STATUSES.map((s) => `document.status.${s}`),
      ...REVIEW_ACTIONS.flatMap((a) => [`review.record.${a}`, `review.done.${a}`]),
    ] as (keyof typeof zhCN)[];
    for (const key of keys) {
      expect(zhCN[key], key).toBeTruthy();
      expect(enUS[key], key).toBeTruthy();
    }
  });
});
