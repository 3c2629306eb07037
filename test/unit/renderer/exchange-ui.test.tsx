// @vitest-environment jsdom
// 材料交换 and 名册导入 in a DOM: the diff folds unchanged text, conflicts start unticked, the
// services' English problems read as Chinese with their line and column, and the roster import is
// offered only for a file without problems.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TalkingPoints } from '../../../common/document-schemas';
import type { DiffLine } from '../../../common/document-types';
import type { PackComparisonItem } from '../../../common/pack-types';
import type { RosterPreview } from '../../../common/roster-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: unknown }[] = [];
let previews: RosterPreview[] = [];

vi.mock('../../../renderer/src/api/client', () => {
  class ApiRequestError extends Error {
    code = 'internal';
    issues: { path: string; message: string }[] = [];
  }
  return {
    ApiRequestError,
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input });
      switch (method) {
        case 'roster.preview':
          return previews.shift();
        case 'roster.import':
          return { created: 2, updated: 0, unchanged: 0 };
        default:
          return [];
      }
    },
  };
});

const { foldLines } = await import('../../../renderer/src/components/exchange/line-diff');
const { defaultSelection } = await import('../../../renderer/src/components/exchange/receive-pack');
const { packProblemText, rosterFileText, rosterRowText } = await import(
  '../../../renderer/src/components/exchange/server-text'
);
const { complianceFileName } = await import('../../../renderer/src/components/exchange/compliance-export');
const { packFileName } = await import('../../../renderer/src/components/exchange/send-pack');
const { blankEntries, TalkingPointsEditor } = await import(
  '../../../renderer/src/components/exchange/talking-points-editor'
);
const { RosterImportModal, rosterErrorText } = await import('../../../renderer/src/components/roster-import');
const { zhCN } = await import('../../../renderer/src/i18n/zh-CN');

const t = (key: keyof typeof zhCN, params?: Record<string, string | number>) =>
  zhCN[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  previews = [];
});

describe('the line diff', () => {
  const same = (n: number): DiffLine[] => Array.from({ length: n }, (_, i) => ({ op: 'same', text: `第${i + 1}段` }));

  it('folds a long unchanged stretch to two lines of context on each side of a change', () => {
    const lines: DiffLine[] = [...same(10), { op: 'remove', text: '旧' }, { op: 'add', text: '新' }, ...same(10)];
    const shown = foldLines(lines);
    expect(shown.map((l) => l.op)).toEqual(['fold', 'same', 'same', 'remove', 'add', 'same', 'same', 'fold']);
    expect(shown[0]).toEqual({ op: 'fold', count: 8 });
  });

  it('keeps short stretches whole', () => {
    const lines: DiffLine[] = [{ op: 'add', text: '新' }, ...same(5), { op: 'remove', text: '旧' }];
    expect(foldLines(lines)).toEqual(lines);
  });
});

describe('a returned pack', () => {
  const item = (id: string, patch: Partial<PackComparisonItem>): PackComparisonItem => ({
    type: 'document',
    id,
    title: id,
    changed: true,
    conflict: false,
    problem: null,
    editedBy: '张明',
    lines: [],
    ...patch,
  });

  it('ticks the changes that overwrite nothing; conflicts, problems and unchanged items are left', () => {
    const items = [
      item('a', {}),
      item('b', { conflict: true }),
      item('c', { problem: 'the document is approved at the office; reopen it to accept changes' }),
      item('d', { changed: false }),
      item('e', { type: 'answer' }),
    ];
    expect(defaultSelection(items)).toEqual(['document:a', 'answer:e']);
  });

  it('says why an item cannot be accepted in Chinese', () => {
    expect(packProblemText('the document is approved at the office; reopen it to accept changes', t)).toBe(
      '该材料在本办已处于“已审定”状态，须先在本办重新打开后才能接受',
    );
    expect(packProblemText('something new', t)).toBe('something new');
  });

  it('names the reply and the pack files after the department and the day', () => {
    expect(packFileName('市发改委', '2026-11-27')).toBe('市发改委材料包-2026-11-27.json');
    expect(packFileName('市发改委', '2026-11-27', true)).toBe('市发改委材料回传-2026-11-27.json');
    expect(complianceFileName(2026, null, 'xlsx')).toBe('2026年度新闻发布工作达标情况.xlsx');
    expect(complianceFileName(2026, 3, 'docx')).toBe('2026年第3季度新闻发布工作达标情况.docx');
  });
});

describe('roster problems', () => {
  it('drop the service prefix and read as Chinese, with line and column', () => {
    const e = {
      line: 3,
      column: '部门',
      message: 'line 3, "部门": no department is called "市不存在局"; did you mean "市发改委"?',
    };
    expect(rosterErrorText(e, t)).toBe('第3行“部门”：没有名为“市不存在局”的部门，是否为“市发改委”？');
    expect(rosterRowText('line 4, "邮箱": must be an e-mail address ("x")', t)).toBe('“x”不是有效的电子邮箱地址');
    expect(rosterRowText('line 5: 张伟 of 市发改委 is already on line 2', t)).toBe('与第2行是同一部门的同一人');
    expect(rosterRowText('a new person needs a role: 主要负责同志, 新闻发言人, 相关负责人', t)).toContain(
      '新增人员须填写角色',
    );
    expect(rosterFileText('header row 1: missing column "部门" (or "单位", "部门名称", …)', t)).toBe(
      '第1行表头缺少必填列“部门”或“姓名”。',
    );
    expect(rosterFileText('the file is neither UTF-8 nor GBK/GB18030 text; save it', t)).toContain('CSV UTF-8');
  });
});

describe('the roster import dialog', () => {
  const row = {
    line: 2,
    departmentText: '日照市发展和改革委员会',
    departmentId: 'rizhao-01',
    departmentName: '市发改委',
    name: '张明',
    role: 'spokesperson' as const,
    title: null,
    phone: '0633-8781234',
    email: null,
    action: 'create' as const,
    personId: null,
  };

  async function pick(name: string) {
    const input = document.querySelector('[data-testid="roster-upload"] input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['部门,姓名\n'], name, { type: 'text/csv' })] } });
    await waitFor(() => expect(calls.some((c) => c.method === 'roster.preview')).toBe(true));
  }

  it('lists the problems with their lines and offers no import until the file is fixed', async () => {
    previews = [
      {
        fileName: '名册.csv',
        rows: [row],
        errors: [{ line: 3, column: '部门', message: 'line 3, "部门": no department is called "市不存在局"' }],
        fileError: null,
      },
      { fileName: '名册.csv', rows: [row, { ...row, line: 3, name: '李四' }], errors: [], fileError: null },
    ];
    render(wrap(<RosterImportModal open onClose={() => {}} />));
    await pick('名册.csv');
    expect(await screen.findByText('第3行“部门”：没有名为“市不存在局”的部门')).toBeTruthy();
    const submit = () => screen.getByTestId('roster-import-submit') as HTMLButtonElement;
    expect(submit().disabled).toBe(true);
    expect(screen.getByTestId('roster-blocked').textContent).toContain('不会写入任何数据');
    expect(screen.getByTestId('roster-preview').textContent).toContain('日照市发展和改革委员会 → 市发改委');

    calls.length = 0;
    await pick('名册.csv');
    await waitFor(() => expect(submit().disabled).toBe(false));
    expect(screen.getByTestId('roster-summary').textContent).toBe('可导入 2 行：新增 2 人，更新 0 人，无变化 0 人。');
    fireEvent.click(submit());
    expect((await screen.findByTestId('roster-result')).textContent).toContain('新增 2 人，更新 0 人，无变化 0 人。');
    expect(calls.map((c) => c.method)).toEqual(['roster.preview', 'roster.import']);
  });

  it('shows a refused file in Chinese and offers no import', async () => {
    previews = [{ fileName: 'a.xls', rows: [], errors: [], fileError: 'this is an old Excel 97–2003 (.xls) file' }];
    render(wrap(<RosterImportModal open onClose={() => {}} />));
    await pick('a.xls');
    expect((await screen.findByTestId('roster-file-error')).textContent).toContain('旧版 Excel 97–2003');
    expect((screen.getByTestId('roster-import-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});

const start: TalkingPoints = {
  keyMessage: '全市供暖平稳有序',
  points: [],
  questions: [{ question: '今年供暖费是否上涨？', answer: '', answererId: 'p1', answerId: null }],
  sensitive: [],
};

function Harness({ onValue }: { onValue: (tp: TalkingPoints) => void }) {
  const [value, setValue] = useState(start);
  return (
    <TalkingPointsEditor
      value={value}
      people={new Map([['p1', '张明']])}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('the talking points editor', () => {
  it('edits an answer in place, keeps who answers it, and counts new empty entries', () => {
    let last = start;
    render(wrap(<Harness onValue={(tp) => (last = tp)} />));
    expect(screen.getByText('答问人：张明')).toBeTruthy();
    fireEvent.change(screen.getByTestId('tp-answer-0'), { target: { value: '今年居民供暖价格不作调整。' } });
    expect(last.questions[0]).toEqual({ ...start.questions[0], answer: '今年居民供暖价格不作调整。' });
    fireEvent.click(screen.getByTestId('tp-sensitive-add'));
    expect(last.sensitive).toEqual([{ point: '', bridge: '' }]);
    expect(blankEntries(last)).toBe(1);
  });
});
