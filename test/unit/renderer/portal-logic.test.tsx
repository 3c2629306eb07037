// 网站同步 and 年度考核 helpers: folder paths without Node's `path`, the 摘要 counted as the service
// counts it, the plan as one list, the progress bar, the 合计 row, the channel list being edited, and
// the services' English problems said in Chinese.
import { describe, expect, it } from 'vitest';
import type { AssessmentRow, PortalPlan } from '../../../common/opinion-types';
import { ApiRequestError } from '../../../renderer/src/api/client';
import {
  type ChannelDraft,
  channelChoices,
  channelInput,
  channelProblems,
  nextFreeChannel,
} from '../../../renderer/src/components/portal/channel-rows';
import {
  assessmentFileName,
  assessmentTotals,
  defaultPortalDir,
  joinPath,
  planHasChanges,
  planRows,
  progressPercent,
  summaryLength,
} from '../../../renderer/src/components/portal/portal-logic';
import {
  columnText,
  heldReasonText,
  portalErrorText,
  verifyProblemText,
} from '../../../renderer/src/components/portal/portal-text';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { interpolate } from '../../../renderer/src/i18n/interpolate';
import type { Translate } from '../../../renderer/src/i18n/use-t';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const t: Translate = (key, params) => interpolate(zhCN[key], params);
const en: Translate = (key, params) => interpolate(enUS[key], params);

describe('folder paths', () => {
  it('joins in the folder’s own separator style, without doubling a trailing one', () => {
    expect(joinPath('/home/office/exports', 'portal')).toBe('/home/office/exports/portal');
    expect(joinPath('/home/office/exports/', 'portal')).toBe('/home/office/exports/portal');
    expect(joinPath('/', 'portal')).toBe('/portal');
    expect(joinPath('D:\\新闻办\\导出', 'portal')).toBe('D:\\新闻办\\导出\\portal');
    expect(joinPath('D:\\', 'portal')).toBe('D:\\portal');
    expect(joinPath('C:/exports', 'portal')).toBe('C:/exports/portal');
    expect(joinPath('C:', 'portal')).toBe('C:\\portal');
    expect(joinPath('\\\\server\\share', 'portal')).toBe('\\\\server\\share\\portal');
    expect(joinPath('  /srv/x  ', 'y')).toBe('/srv/x/y');
  });

  it('defaults packages to the export folder’s portal folder', () => {
    expect(defaultPortalDir('/data/exports')).toBe('/data/exports/portal');
    expect(defaultPortalDir(undefined)).toBe('');
  });
});

describe('the 摘要 length', () => {
  it('counts code points, as the service does: 𠮷 is one character', () => {
    expect(summaryLength('𠮷祥')).toBe(2);
    expect('𠮷祥'.length).toBe(3);
    expect(summaryLength('')).toBe(0);
  });
});

describe('the progress bar', () => {
  it('moves through rendering, writing and zipping without reaching 100 before the answer', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ phase: 'render', done: 0, total: 4 })).toBe(0);
    expect(progressPercent({ phase: 'render', done: 2, total: 4 })).toBe(40);
    expect(progressPercent({ phase: 'render', done: 4, total: 4 })).toBe(80);
    expect(progressPercent({ phase: 'write', done: 0, total: 4 })).toBe(80);
    expect(progressPercent({ phase: 'zip', done: 0, total: 1 })).toBe(95);
    expect(progressPercent({ phase: 'done', done: 1, total: 1 })).toBe(99);
    // A full export of nothing (total 0) and a runaway count stay in range.
    expect(progressPercent({ phase: 'render', done: 0, total: 0 })).toBe(80);
    expect(progressPercent({ phase: 'render', done: 9, total: 4 })).toBe(80);
  });
});

describe('the plan', () => {
  const plan: PortalPlan = {
    nextSequence: 3,
    previousSequence: 2,
    added: [
      {
        documentId: 'd1',
        title: '新',
        kind: 'release',
        column: '新闻发布',
        indexNo: null,
        change: 'added',
        interprets: null,
      },
    ],
    changed: [
      {
        documentId: 'd2',
        title: '改',
        kind: 'interpretation',
        column: '政策解读',
        indexNo: 'X-2026-00002',
        change: 'changed',
        interprets: 'd9',
      },
    ],
    unchanged: 4,
    withdrawn: [{ documentId: 'd3', title: '撤', indexNo: 'X-2026-00001' }],
    held: [
      {
        documentId: 'd4',
        title: '缓',
        reason: 'waits for the policy "办法" (日政发〔2026〕1号) to be approved with a portal column',
      },
    ],
  };

  it('lists 新增, 更新, 撤回 and 暂缓 in that order, each with what is known of it', () => {
    const rows = planRows(plan);
    expect(rows.map((r) => [r.change, r.documentId])).toEqual([
      ['added', 'd1'],
      ['changed', 'd2'],
      ['withdrawn', 'd3'],
      ['held', 'd4'],
    ]);
    expect(rows[1]).toMatchObject({ column: '政策解读', indexNo: 'X-2026-00002', interprets: 'd9', reason: null });
    expect(rows[2]).toMatchObject({ column: null, kind: null, indexNo: 'X-2026-00001' });
    expect(rows[3]?.reason).toContain('办法');
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });

  it('orders each group by title, numbers as numbers', () => {
    const item = (documentId: string, title: string) => ({
      documentId,
      title,
      kind: 'release',
      column: '新闻发布',
      indexNo: null,
      change: 'added' as const,
      interprets: null,
    });
    const rows = planRows({
      ...plan,
      added: [item('a', '第10号通稿'), item('b', '第2号通稿'), item('c', '第1号通稿')],
    });
    expect(rows.filter((r) => r.change === 'added').map((r) => r.title)).toEqual([
      '第1号通稿',
      '第2号通稿',
      '第10号通稿',
    ]);
  });

  it('knows when an incremental export would write nothing', () => {
    expect(planHasChanges(plan)).toBe(true);
    expect(planHasChanges({ ...plan, added: [], changed: [], withdrawn: [] })).toBe(false);
  });

  it('says why a 政策解读 waits, and the 栏目, in the user’s language', () => {
    expect(heldReasonText(plan.held[0]?.reason ?? '', t)).toBe(
      '等待所解读的政策“办法”（日政发〔2026〕1号）审核通过并设置网站栏目后一并发布',
    );
    expect(heldReasonText('something else', t)).toBe('something else');
    expect(columnText('政府信息公开', en)).not.toBe('政府信息公开');
    expect(columnText('其他栏目', en)).toBe('其他栏目');
  });
});

describe('verify-portal’s problems', () => {
  const cases: [string, string][] = [
    ['/x/pkg: not a portal package (no manifest.json in it)', '/x/pkg：不是网站同步包（其中没有 manifest.json）'],
    [
      "/x/nope: cannot be read as a package folder or .zip (ENOENT: no such file or directory, lstat '/x/nope')",
      '/x/nope：找不到该文件夹或文件',
    ],
    [
      '/x/a.zip: cannot be read as a package folder or .zip (End of data)',
      '/x/a.zip：无法作为同步包文件夹或 zip 文件读取（End of data）',
    ],
    ['manifest.json: missing', '缺少清单文件 manifest.json'],
    ['manifest.json: not UTF-8 JSON (Unexpected token)', 'manifest.json 不是 UTF-8 编码的 JSON 文件'],
    [
      'manifest.json: items.0.metadata.summary: must be at most 100 characters',
      'manifest.json 格式不符：items.0.metadata.summary：must be at most 100 characters',
    ],
    ['manifest.json: previousSequence 3 is not before sequence 2', 'manifest.json：上次序号 3 不早于本次序号 2'],
    ['manifest.json: previousSequence is null but sequence is 4', 'manifest.json：本次序号为 4，却没有上次序号'],
    ['manifest.json: items[1].id "d1" is listed twice', 'manifest.json：条目“d1”重复列出'],
    ['manifest.json: "d1" is both an item and deleted', 'manifest.json：“d1”既列为条目又列为撤回'],
    ['items/a/index.html: missing', 'items/a/index.html：文件缺失'],
    [
      'items/a/index.html: 10 bytes, the manifest says 12',
      'items/a/index.html：文件大小为 10 字节，清单记载为 12 字节',
    ],
    [
      `items/a/a.docx: SHA-256 ${'a'.repeat(64)} does not match the manifest's ${'b'.repeat(64)}`,
      'items/a/a.docx：SHA-256 校验值与清单不符，文件已被改动',
    ],
    ['notes.txt: extra file, not in the manifest', 'notes.txt：多余文件，清单中没有'],
    ['items/a/x: listed twice (items d1 and d2)', 'items/a/x：在清单中重复列出'],
    ['../evil: leaves the package (..)', '../evil：路径指向同步包之外（..）'],
    ['../evil: zip entry leaves the package (..)', '../evil：路径指向同步包之外（..）'],
    ['a\\b: uses a backslash', 'a\\b：路径中使用了反斜杠'],
    ['items/link: is a symbolic link', 'items/link：是符号链接，同步包中不应有'],
  ];

  it.each(cases)('%s', (problem, expected) => {
    expect(verifyProblemText(problem, t)).toBe(expected);
  });

  it('keeps a problem it does not know as the service wrote it', () => {
    expect(verifyProblemText('something new went wrong', t)).toBe('something new went wrong');
  });
});

describe('request errors', () => {
  const failure = (code: 'conflict' | 'invalid_input' | 'file_exists', message: string) =>
    new ApiRequestError('portal.export', { code, message });

  it('says the portal’s own refusals plainly, and leaves others to the app’s words', () => {
    expect(portalErrorText(failure('conflict', 'a portal export is already running'), t)).toBe(
      '另一个同步包正在导出，请等它完成后再试。',
    );
    expect(portalErrorText(failure('invalid_input', 'portal folder "exports" must be an absolute path'), t)).toBe(
      '请填写文件夹的完整路径（从根目录或盘符开始）。',
    );
    // Not the register's "booked twice" text: a channel listed twice is its own message.
    expect(portalErrorText(failure('invalid_input', 'channel weibo appears more than once'), t)).toBe(
      '同一渠道只能登记一次。',
    );
    expect(portalErrorText(failure('conflict', 'something else'), t)).toContain('与现有记录冲突');
  });
});

describe('the channel list being edited', () => {
  const rows = (...list: [ChannelDraft['channel'], string | null][]): ChannelDraft[] =>
    list.map(([channel, date], key) => ({ key, channel, date }));

  it('offers each row its own channel and those no other row has', () => {
    const list = rows(['portal', '2026-03-16'], ['weibo', '2026-03-17']);
    expect(channelChoices(list, 0)).toEqual(['portal', 'gazette', 'wechat', 'daily', 'broadcast']);
    expect(channelChoices(list, 1)).toEqual(['gazette', 'weibo', 'wechat', 'daily', 'broadcast']);
    expect(nextFreeChannel(list)).toBe('gazette');
    const all = rows(
      ['portal', '2026-01-01'],
      ['gazette', '2026-01-01'],
      ['weibo', '2026-01-01'],
      ['wechat', '2026-01-01'],
      ['daily', '2026-01-01'],
      ['broadcast', '2026-01-01'],
    );
    expect(nextFreeChannel(all)).toBeNull();
  });

  it('names what keeps a row from being saved', () => {
    const list = rows(['portal', '2026-03-16'], [null, '2026-03-16'], ['portal', '2026-03-16'], ['daily', null]);
    expect([...channelProblems(list)]).toEqual([
      [1, 'channel'],
      [2, 'twice'],
      [3, 'date'],
    ]);
    expect(channelProblems(rows(['portal', '2026-03-16'])).size).toBe(0);
  });

  it('saves the list by date, then in the channels’ own order', () => {
    const list = rows(['daily', '2026-03-17'], ['weibo', '2026-03-16'], ['portal', '2026-03-16']);
    expect(channelInput(list)).toEqual([
      { channel: 'portal', date: '2026-03-16' },
      { channel: 'weibo', date: '2026-03-16' },
      { channel: 'daily', date: '2026-03-17' },
    ]);
  });
});

describe('the assessment', () => {
  const row = (departmentId: string, n: number): AssessmentRow => ({
    departmentId,
    name: departmentId,
    fullName: departmentId,
    conferencesHeld: n,
    responsibleAttendances: n,
    headAttendances: 1,
    releases: { portal: n, gazette: 0, weibo: 1, wechat: 0, daily: 0, broadcast: 2 },
    interpretations: n,
    interpretationsWithPolicy: 1,
    opinionItems: 3,
    opinionWithinDeadline: 2,
  });

  it('adds every figure up for the 合计 row', () => {
    const totals = assessmentTotals([row('a', 2), row('b', 5)]);
    expect(totals).toEqual({
      conferencesHeld: 7,
      responsibleAttendances: 7,
      headAttendances: 2,
      releases: { portal: 7, gazette: 0, weibo: 2, wechat: 0, daily: 0, broadcast: 4 },
      interpretations: 7,
      interpretationsWithPolicy: 2,
      opinionItems: 6,
      opinionWithinDeadline: 4,
    });
    expect(assessmentTotals([]).releases.portal).toBe(0);
  });

  it('names the file as the service titles the sheet', () => {
    expect(assessmentFileName(2026, 'xlsx')).toBe('2026年度新闻发布和政务公开工作考核情况.xlsx');
    expect(assessmentFileName(2025, 'docx')).toBe('2025年度新闻发布和政务公开工作考核情况.docx');
  });
});
