// Documents end to end: draft 答问口径 with a question from the 口径库, preview with the 草稿 mark,
// submit, the drafter cannot approve their own document, another user approves with the
// confidentiality review, export to .docx (and replace it), then versions and their line diff, a
// save refused because someone else saved meanwhile, and the list's filters and keyboard.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, expect, pickOption, screenshot, test } from './fixtures';

interface Conference {
  id: string;
  title: string;
}
interface Person {
  id: string;
}
interface Doc {
  id: string;
  title: string;
  version: number;
}

const CONFERENCE = '2026年第一季度市发改委新闻发布会';
const TITLE = '市发改委在2026年第一季度新闻发布会上的答问口径';

async function open(page: Page, server: AppServer, route: string, testId: string): Promise<void> {
  const origin = new URL(server.url).origin;
  await page.goto(page.url().startsWith(origin) ? `${origin}/#${route}` : appUrl(server, route));
  await page.getByTestId(testId).waitFor();
}

/** The drafter, a spokesperson of 市发改委 and a conference of theirs. */
async function setUp(server: AppServer): Promise<{ conference: Conference; person: Person }> {
  await api(server, 'settings.update', { userName: '李起草' });
  const person = await api<Person>(server, 'people.create', {
    departmentId: 'rizhao-01',
    name: '张明',
    role: 'spokesperson',
    tenureStart: '2025-01-01',
  });
  const conference = await api<Conference>(server, 'conferences.create', {
    title: CONFERENCE,
    date: '2026-03-10',
    time: '10:00',
    organizer: 'department',
    hostDepartmentId: 'rizhao-01',
    departmentIds: ['rizhao-01'],
    kind: 'department_routine',
  });
  return { conference, person };
}

test('draft talking points with a question from the answer library, preview with the 草稿 mark, submit', async ({
  page,
  server,
}) => {
  const { conference } = await setUp(server);
  await api(server, 'answers.create', {
    question: '今年重大项目建设进展如何？',
    answer: '截至2月底，全市152个省市重大项目已开工118个，完成投资286亿元。',
    departmentId: 'rizhao-01',
    topic: '重点工作',
  });

  // New 答问口径 for the conference: structured, the department proposed from the conference.
  await open(page, server, `/documents/new?conference=${conference.id}`, 'document-new-page');
  await expect(page.getByTestId('new-conference')).toContainText(CONFERENCE);
  await expect(page.getByTestId('new-department')).toContainText('市发改委');
  await expect(page.getByTestId('new-template')).toContainText('不使用模板');
  await pickOption(page, page.getByTestId('new-person'), '张明');
  await page.getByTestId('new-title').fill(TITLE);
  await screenshot(page, 'document-new');
  await page.getByTestId('new-submit').click();
  await expect(page.getByTestId('document-page')).toBeVisible();
  await expect(page.getByTestId('document-title')).toHaveText(TITLE);
  await expect(page.getByTestId('document-status')).toHaveText('草稿');

  // Talking points: key message, a point, one question typed and one from the 口径库.
  await page.getByTestId('tp-key-message').fill('一季度全市经济运行开局良好，重大项目建设提速。');
  await page.getByTestId('tp-add-point').click();
  await page.getByTestId('tp-point-text').fill('重大项目开工率达到77.6%');
  await page.getByTestId('tp-point-figure').fill('118个/152个');
  await page.getByTestId('tp-point-source').fill('市发改委统计');
  await page.getByTestId('tp-add-question').click();
  const first = page.getByTestId('tp-question').nth(0);
  await first.getByTestId('tp-question-text').fill('一季度全市固定资产投资增速是多少？');
  await first.getByTestId('tp-question-answer').fill('以统计部门正式发布的数据为准，届时请关注市统计局发布。');
  await pickOption(page, first.getByTestId('tp-question-answerer'), '张明');

  await page.getByTestId('tp-from-library').click();
  const picker = page.getByTestId('answer-picker');
  const pickerSearch = picker.getByTestId('picker-search').locator('input');
  await expect(pickerSearch).toBeFocused();
  await pickerSearch.fill('重大项目');
  await expect(picker.getByTestId('picker-item')).toHaveCount(1);
  await expect(picker.getByTestId('picker-item')).toContainText('今年重大项目建设进展如何？');
  await screenshot(page, 'answer-picker');
  await picker.getByTestId('picker-insert').click();
  await expect(picker.getByTestId('picker-insert')).toHaveText('已引用');
  await picker.getByTestId('picker-close').click();
  await expect(pickerSearch).toBeHidden();
  const second = page.getByTestId('tp-question').nth(1);
  await expect(second.getByTestId('tp-question-text')).toHaveValue('今年重大项目建设进展如何？');
  await expect(second.getByTestId('tp-library-tag')).toBeVisible();
  await expect(page.getByTestId('live-preview')).toContainText('（二）问：今年重大项目建设进展如何？');

  await page.getByTestId('save-note').fill('初稿');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('document-version')).toHaveText('第 2 版');
  await expect(page.getByTestId('dirty-state')).not.toHaveText('有未保存的修改');
  await screenshot(page, 'document-edit-qa');

  // The preview: the derived text, as a page, with the 草稿 mark.
  await page.getByTestId('tab-preview').click();
  const sheet = page.getByTestId('preview-panel').getByTestId('document-sheet');
  await expect(sheet).toContainText('一、核心信息');
  await expect(sheet).toContainText('（一）问：一季度全市固定资产投资增速是多少？');
  await expect(sheet).toContainText('答问人：张明');
  await expect(sheet).toContainText('三、预期问答');
  await expect(sheet.getByTestId('draft-mark')).toHaveText('草稿');
  await screenshot(page, 'document-preview-draft');

  // A draft suggests a file name marked 草稿.
  await page.getByTestId('export-document').click();
  const dialog = page.getByTestId('document-export-dialog');
  await expect(dialog.getByTestId('export-file-name')).toHaveValue(`${TITLE}（草稿）.docx`);
  await expect(dialog).toContainText('草稿');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByTestId('export-file-name')).toBeHidden();

  // Submit; the drafter is not offered the approval, and told why.
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-submit').click();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('document-status')).toHaveText('待审核');
  await expect(page.getByTestId('review-approve')).toHaveCount(0);
  await expect(page.getByTestId('own-document-note')).toContainText('起草人');
  await screenshot(page, 'document-review-own');
});

test('another person approves with the confidentiality review; export, and replace the .docx', async ({
  page,
  server,
}) => {
  const { conference, person } = await setUp(server);
  const doc = await api<Doc>(server, 'documents.create', {
    fields: {
      kind: 'qa',
      title: TITLE,
      conferenceId: conference.id,
      departmentId: 'rizhao-01',
      personId: person.id,
      talkingPoints: {
        keyMessage: '一季度全市经济运行开局良好，重大项目建设提速。',
        questions: [
          { question: '今年重大项目建设进展如何？', answer: '全市重大项目已开工118个。', answererId: person.id },
        ],
      },
    },
  });
  await api(server, 'documents.review', { id: doc.id, action: 'submit' });

  await open(page, server, `/documents/${doc.id}`, 'document-page');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('own-document-note')).toBeVisible();

  // Another person reviews: the approval asks who did the confidentiality review.
  await page.getByTestId('current-user').click();
  await page.getByTestId('user-picker-name').fill('王审核');
  await page.getByTestId('user-picker-ok').click();
  await expect(page.getByTestId('current-user')).toContainText('王审核');
  await page.getByTestId('review-approve').click();
  const approve = page.getByTestId('approve-dialog');
  await expect(approve.getByTestId('approve-confidentiality')).toHaveValue('王审核');
  await approve.getByTestId('approve-confidentiality').fill('');
  await approve.getByTestId('approve-submit').click();
  await expect(approve).toContainText('请填写保密审查人');
  await approve.getByTestId('approve-confidentiality').fill('赵保密');
  await approve.getByTestId('approve-agency').fill('经市财政局确认');
  await approve.getByTestId('approve-submit').click();
  await expect(page.getByTestId('document-status')).toHaveText('已审核');
  const history = page.getByTestId('review-history');
  await expect(history.getByTestId('review-entry')).toHaveCount(2);
  await expect(history).toContainText('保密审查：赵保密');
  await expect(history).toContainText('会商确认：经市财政局确认');
  await expect(page.getByTestId('review-state')).toContainText('王审核');
  await screenshot(page, 'document-review-approved');

  // Export into the data folder's exports; a second export asks before replacing the file.
  await page.getByTestId('export-document').click();
  const dialog = page.getByTestId('document-export-dialog');
  await expect(dialog.getByTestId('export-dir')).toHaveValue(join(server.dataDir, 'exports'));
  await expect(dialog.getByTestId('export-file-name')).toHaveValue(`${TITLE}.docx`);
  await dialog.getByTestId('export-save').click();
  const path = join(server.dataDir, 'exports', `${TITLE}.docx`);
  await expect(dialog.getByTestId('export-path')).toHaveText(path);
  expect(existsSync(path)).toBe(true);
  const firstSize = statSync(path).size;
  expect(firstSize).toBeGreaterThan(1000);
  await dialog.getByTestId('export-close').click();
  await expect(dialog.getByTestId('export-path')).toBeHidden();

  await page.getByTestId('export-document').click();
  await dialog.getByTestId('export-save').click();
  await expect(dialog).toContainText('已存在');
  await screenshot(page, 'document-export-overwrite');
  await dialog.getByTestId('export-overwrite').click();
  await expect(dialog.getByTestId('export-path')).toHaveText(path);
  expect(existsSync(path)).toBe(true);
  await dialog.getByTestId('export-close').click();

  // The preview of an approved document carries no 草稿 mark, and the 附注 names the reviews.
  await page.getByTestId('tab-preview').click();
  const sheet = page.getByTestId('preview-panel').getByTestId('document-sheet');
  await expect(sheet).toContainText('保密审查：赵保密');
  await expect(sheet.getByTestId('draft-mark')).toHaveCount(0);
});

test('edit again, versions and their diff, a save refused after someone else saved', async ({ page, server }) => {
  const { conference, person } = await setUp(server);
  const doc = await api<Doc>(server, 'documents.create', {
    fields: {
      kind: 'release',
      title: '市发改委召开一季度新闻发布会',
      conferenceId: conference.id,
      departmentId: 'rizhao-01',
      personId: person.id,
      body: '一、基本情况\n\n3月10日，市发改委召开新闻发布会。\n\n二、主要内容\n\n全市重大项目开工118个。',
    },
  });
  await api(server, 'documents.review', { id: doc.id, action: 'submit' });
  await api(server, 'settings.update', { userName: '王审核' });
  await api(server, 'documents.review', { id: doc.id, action: 'approve', confidentialityBy: '赵保密' });

  await open(page, server, `/documents/${doc.id}`, 'document-page');
  await expect(page.getByTestId('document-status')).toHaveText('已审核');
  await expect(page.getByTestId('editor-locked')).toContainText('已审核通过');
  await expect(page.getByTestId('document-body-input')).toBeDisabled();
  await page.getByTestId('editor-reopen').click();
  await page.getByTestId('confirm-reopen').click();
  await expect(page.getByTestId('document-status')).toHaveText('草稿');
  await expect(page.getByTestId('document-body-input')).toBeEnabled();

  const body = page.getByTestId('document-body-input');
  await body.fill(
    '一、基本情况\n\n3月10日上午，市发改委召开新闻发布会。\n\n二、主要内容\n\n全市重大项目开工118个。\n\n三、下一步工作\n\n加快项目建设进度。',
  );
  await expect(page.getByTestId('body-hint')).toContainText('段落之间空一行');
  await expect(page.getByTestId('live-preview')).toContainText('三、下一步工作');
  await page.getByTestId('save-note').fill('补充下一步工作');
  await page.getByTestId('save-document').click();
  await expect(page.getByTestId('document-version')).toHaveText('第 2 版');

  await page.getByTestId('tab-versions').click();
  const diff = page.getByTestId('diff-view');
  await expect(diff.getByTestId('diff-remove')).toHaveText(['−3月10日，市发改委召开新闻发布会。']);
  await expect(diff.getByTestId('diff-add').first()).toHaveText('+3月10日上午，市发改委召开新闻发布会。');
  await expect(diff).toContainText('三、下一步工作');
  await expect(page.getByTestId('versions-table')).toContainText('补充下一步工作');
  await screenshot(page, 'document-versions');

  // Someone else saves version 3 while this page still edits version 2: the save is refused.
  await page.getByTestId('tab-edit').click();
  await body.fill('一、基本情况\n\n本页面上的修改。');
  const current = await api<Doc & { body: string }>(server, 'documents.get', { id: doc.id });
  await api(server, 'documents.update', {
    id: doc.id,
    fields: { kind: 'release', title: current.title, body: `${current.body}\n\n另一处修改。` },
    expectedVersion: 2,
  });
  await page.getByTestId('save-document').click();
  await expect(page.getByTestId('save-conflict')).toContainText('其他人已保存了更新的版本（第 3 版）');
  await screenshot(page, 'document-save-conflict');

  // Leaving with unsaved changes asks first; staying keeps them.
  await page.getByTestId('nav-documents').click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('离开此页面？');
  await page.getByRole('button', { name: '留在此页' }).click();
  await expect(page.getByTestId('document-page')).toBeVisible();

  await page.getByTestId('editor-reload').click();
  await expect(page.getByTestId('document-version')).toHaveText('第 3 版');
  await expect(body).toHaveValue(/另一处修改。/);
  await expect(page.getByTestId('save-conflict')).toHaveCount(0);
});

test('the list: empty state, filters, search, keyboard', async ({ page, server }) => {
  const { conference } = await setUp(server);
  await open(page, server, '/documents', 'document-list-page');
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  await expect(page.getByTestId('empty-new-document')).toHaveAttribute('href', '#/documents/new');
  await screenshot(page, 'documents-empty');

  const make = (kind: string, title: string, body: string) =>
    api<Doc>(server, 'documents.create', {
      fields: { kind, title, body, conferenceId: conference.id, departmentId: 'rizhao-01' },
    });
  await make('opening', '市发改委一季度发布词', '各位记者朋友，大家上午好。');
  await make('release', '一季度全市重大项目建设新闻通稿', '全市重大项目开工118个。');
  const interpretation = await make('interpretation', '《关于促进民间投资的若干措施》政策解读', '一、出台背景');
  await api(server, 'documents.review', { id: interpretation.id, action: 'submit' });

  await page.reload();
  await page.getByTestId('document-list-page').waitFor();
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('document-table')).toContainText(CONFERENCE);
  await expect(rows.filter({ hasText: '政策解读' })).toContainText('待审核');
  await screenshot(page, 'documents-list');

  // `/` focuses the search; a Chinese substring of the body finds the document.
  await page.keyboard.press('/');
  const search = page.getByTestId('document-search').locator('input');
  await expect(search).toBeFocused();
  await page.keyboard.type('开工118');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('新闻通稿');
  await search.fill('');
  await expect(rows).toHaveCount(3);

  await pickOption(page, page.getByTestId('document-status-filter'), '待审核');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('政策解读');
  await pickOption(page, page.getByTestId('document-kind-filter'), '发布词');
  await expect(page.getByTestId('clear-filters')).toBeVisible();
  await page.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(3);

  // ↓ from the search moves into the table; Enter opens the focused document.
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  const title = await rows.nth(1).locator('a.document-link').textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-page')).toBeVisible();
  await expect(page.getByTestId('document-title')).toHaveText(title ?? '');
});
