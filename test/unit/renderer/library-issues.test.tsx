// A template's problems in the user's words: the editor's own check and a refused save read back
// from the server's text are worded alike, in Chinese and in English.
import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../common/templates/engine';
import {
  issueText,
  issueTextWithField,
  readServerIssue,
  serverIssueTexts,
} from '../../../renderer/src/components/library/issue-text';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { interpolate, type MessageParams } from '../../../renderer/src/i18n/interpolate';
import type { Translate } from '../../../renderer/src/i18n/use-t';
import { type MessageKey, zhCN } from '../../../renderer/src/i18n/zh-CN';

const zh: Translate = (key: MessageKey, params?: MessageParams) => interpolate(zhCN[key], params);
const en: Translate = (key: MessageKey, params?: MessageParams) => interpolate(enUS[key], params);

/** What the service sends when it refuses a save (services/document-templates.ts). */
function serverIssues(title: string, body: string) {
  return validateTemplate({ title, body })
    .filter((e) => e.severity === 'error')
    .map((e) => ({ path: e.field, message: `line ${e.line}: ${e.message}` }));
}

describe('issueText', () => {
  it('names the line, the placeholder and the likely key', () => {
    const [issue] = validateTemplate({ title: '', body: '一、\n\n二、\n定于{{conference.titel}}召开' });
    expect(issue).toBeDefined();
    if (!issue) return;
    expect(issueText(issue, zh)).toBe('第4行：未知占位符 {{conference.titel}}，是否为 {{conference.title}}？');
    expect(issueText(issue, en)).toBe(
      'Line 4: unknown placeholder {{conference.titel}}: did you mean {{conference.title}}?',
    );
    expect(issueTextWithField(issue, zh)).toBe(
      '正文：第4行：未知占位符 {{conference.titel}}，是否为 {{conference.title}}？',
    );
  });

  it('words every kind of problem, a title problem without a line', () => {
    const issues = validateTemplate({
      title: '{{foo}}',
      body: ['{{会议名称}}', '{{}}', '{{conference.title', '｛｛conference.title｝｝', '{conference.title}'].join('\n'),
    });
    expect(issues.map((i) => issueText(i, zh))).toEqual([
      '未知占位符 {{foo}}，请从“插入占位符”中选择',
      '第1行：占位符 {{会议名称}} 写法有误：键名由英文字母、数字和点组成，如 {{conference.title}}',
      '第2行：占位符 {{}} 为空，请填写键名',
      '第3行：{{conference.title 缺少配对的 }}（占位符不能跨行）',
      '第4行：全角花括号“｛｛”不构成占位符，请切换为半角输入 {{',
      '第5行：{conference.title} 只有一层花括号，应写作 {{conference.title}}',
    ]);
    expect(issues.map((i) => i.severity)).toEqual(['error', 'error', 'error', 'error', 'warning', 'warning']);
    // No message is left with an unfilled {param}.
    for (const issue of issues) expect(issueText(issue, en)).not.toMatch(/(?<!\{)\{[a-z]+\}(?!\})/);
  });
});

describe('readServerIssue', () => {
  it('reads back each refused save as the editor words it', () => {
    const title = '{{conference.titel}}';
    const body = ['第一段', '{{会议名称}}', '{{}}', '{{office.name', '{{bogus.key}}'].join('\n');
    const local = validateTemplate({ title, body }).filter((i) => i.severity === 'error');
    const read = serverIssues(title, body).map(readServerIssue);
    expect(read).toEqual(
      local.map((i) => ({
        code: i.code,
        field: i.field,
        line: i.line,
        text: i.text,
        ...(i.suggestion ? { suggestion: i.suggestion } : {}),
      })),
    );
    expect(serverIssueTexts(serverIssues(title, body), zh)).toEqual(local.map((i) => issueTextWithField(i, zh)));
  });

  it('shows an issue it cannot read as the server wrote it', () => {
    expect(readServerIssue({ path: 'name', message: 'is required' })).toBeNull();
    expect(serverIssueTexts([{ path: 'body', message: 'something new' }], zh)).toEqual(['body: something new']);
  });
});
