// 材料交换 end to end, with two copies of the app: the office (the fixture's server) sends 市发改委 a
// pack, the department (a second server on its own database) opens it, edits an answer of its 答问口径
// and returns it, and the office accepts the change. Also: the roster import (a bad row blocks it;
// GBK CSV as Excel saves it) and the compliance sheet export.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, test as base, expect, screenshot } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const READY = /Press Office \(browser mode\) ready: (\S+)/;

/** A second copy of the app (the department's), on its own database; fixtures.ts keeps its own private. */
async function startDepartmentServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const args = [join(ROOT, 'dist/server.mjs'), '--db', join(dataDir, 'dept.db'), '--port', '0'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`department server did not start in 15 s:\n${out}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`department server exited with ${code}:\n${out}`));
    });
  });
}

const test = base.extend<{ department: AppServer }>({
  department: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'press-office-e2e-dept-'));
      const running = await startDepartmentServer(dataDir);
      try {
        await use({ url: running.url, dataDir, restart: () => Promise.reject(new Error('not supported')) });
      } finally {
        if (running.child.exitCode === null) {
          const exited = new Promise((done) => running.child.once('exit', done));
          running.child.kill('SIGTERM');
          await exited;
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    // Starting a second server is not the test's time: a loaded machine takes a while.
    { timeout: 30_000 },
  ],
});

// The round trip runs two servers and two windows at once: this file's tests run one after another,
// not beside each other, so that a loaded machine does not starve them.
test.describe.configure({ mode: 'default' });

interface DocumentDetail {
  id: string;
  version: number;
  talkingPoints: { questions: { question: string; answer: string }[] } | null;
}
interface AnswerView {
  id: string;
  question: string;
  answer: string;
  version: number;
}

/** Writes the file the open export dialog offers into `dir`; returns the paths it reports. */
async function saveExport(page: Page, dialogTestId: string, dir: string, fileName: RegExp): Promise<string[]> {
  const dialog = page.getByTestId(dialogTestId);
  await expect(dialog.getByTestId('export-file-name')).toHaveValue(fileName);
  await dialog.getByTestId('export-dir').fill(dir);
  await dialog.getByTestId('export-save').click();
  const paths = dialog.getByTestId('export-path');
  await expect(paths.first()).toBeVisible();
  const written = await paths.allInnerTexts();
  await dialog.getByTestId('export-close').click();
  await expect(dialog).toBeHidden();
  return written.map((p) => p.trim());
}

async function openExchange(page: Page, server: AppServer): Promise<void> {
  await page.goto(appUrl(server, '/exchange'));
  await page.getByTestId('exchange-page').waitFor();
}

test('office sends a pack, the department edits and returns it, the office accepts', async ({
  page: office,
  server,
  department,
}) => {
  test.setTimeout(90_000);
  // The department's copy gets its own window; both load while the office's records are set up.
  const dept = await office.context().newPage();
  await dept.addInitScript({ content: "window.sessionStorage.setItem('press-office.userConfirmed', '1');" });
  const [doc, answer] = await Promise.all([
    api<DocumentDetail>(server, 'documents.create', {
      fields: {
        kind: 'qa',
        title: '冬季供暖新闻发布会答问口径',
        departmentId: 'rizhao-01',
        talkingPoints: {
          keyMessage: '全市供暖平稳有序',
          points: [{ text: '集中供暖面积同比增长5%', figure: '5%' }],
          questions: [{ question: '今年居民供暖费是否上涨？', answer: '' }],
          sensitive: [],
        },
      },
    }),
    api<AnswerView>(server, 'answers.create', {
      question: '供暖不达标如何投诉？',
      answer: '可拨打12345政务服务便民热线。',
      departmentId: 'rizhao-01',
    }),
    openExchange(office, server),
    openExchange(dept, department),
  ]);

  // 本办: choose the department, see what the pack holds, write it.
  let page = office;
  await page.getByTestId('send-department').click();
  await page.keyboard.type('发改');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '市发改委' }).click();
  await expect(page.getByTestId('send-contents')).toContainText('待准备材料 1 份，口径库条目 1 条');
  await screenshot(page, 'exchange-send');
  await page.getByTestId('send-export').click();
  const [packPath] = await saveExport(page, 'send-dialog', server.dataDir, /^市发改委材料包-\d{4}-\d{2}-\d{2}\.json$/);
  expect(packPath).toMatch(/市发改委材料包-.*\.json$/);
  const sent = page.getByTestId('sent-packs').locator('tr.ant-table-row');
  await expect(sent).toHaveCount(1);
  await expect(sent.first()).toContainText('未回收');

  // The office changes the answer after sending: the department's version of it becomes a conflict.
  await api(server, 'answers.update', {
    id: answer.id,
    fields: { question: answer.question, answer: '可拨打12345热线或供热企业服务电话。', departmentId: 'rizhao-01' },
  });

  // 部门端, in its own window: open the pack, answer the question, change the library entry, write the reply.
  page = dept;
  await page.getByTestId('tab-department').click();
  await page
    .getByTestId('open-pack-upload')
    .locator('input[type="file"]')
    .setInputFiles(packPath as string);
  await expect(page.getByTestId('pack-editor')).toBeVisible();
  const card = page.getByTestId(`pack-document-${doc.id}`);
  await expect(card.getByTestId('tp-question-0')).toHaveValue('今年居民供暖费是否上涨？');
  await card.getByTestId('tp-answer-0').fill('今年居民供暖价格不作调整，仍按每平方米25元执行。');
  await expect(card.getByTestId('mark-unsaved')).toBeVisible();
  await card.getByTestId('save-item').click();
  await expect(card.getByTestId('mark-edited')).toBeVisible();
  await expect(card.getByTestId('mark-unsaved')).toHaveCount(0);
  const answerCard = page.getByTestId(`pack-answer-${answer.id}`);
  await answerCard.getByTestId('answer-answer').fill('可拨打12345热线，也可登录“爱山东”App反映。');
  await answerCard.getByTestId('save-item').click();
  await expect(answerCard.getByTestId('mark-edited')).toBeVisible();
  await expect(page.getByTestId('edited-count')).toHaveText('已修改 2 项');
  await page.getByTestId('pack-editor').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'exchange-department');
  await page.getByTestId('return-pack').click();
  const [replyPath] = await saveExport(
    page,
    'return-dialog',
    department.dataDir,
    /^市发改委材料回传-\d{4}-\d{2}-\d{2}\.json$/,
  );

  // 本办, still open: import the reply, see the changes, accept what is ticked.
  page = office;
  await page
    .getByTestId('receive-upload')
    .locator('input[type="file"]')
    .setInputFiles(replyPath as string);
  const items = page.getByTestId('comparison-items');
  const docRow = items.locator('tr.ant-table-row', { hasText: '冬季供暖新闻发布会答问口径' });
  const answerRow = items.locator('tr.ant-table-row', { hasText: '供暖不达标如何投诉？' });
  await expect(docRow).toContainText('有修改');
  await expect(answerRow).toContainText('本办已改动（冲突）');
  await expect(page.getByTestId('conflict-warning')).toBeVisible();
  // The change is ticked; the conflict is not.
  await expect(docRow.locator('input[type="checkbox"]')).toBeChecked();
  await expect(answerRow.locator('input[type="checkbox"]')).not.toBeChecked();
  await docRow.locator('.ant-table-row-expand-icon').click();
  const diff = page.getByTestId('line-diff').first();
  await expect(diff.locator('[data-op="add"]')).toContainText('答：今年居民供暖价格不作调整，仍按每平方米25元执行。');
  await expect(diff.locator('[data-op="remove"]')).toContainText('答：（待拟）');
  await page.getByTestId('comparison').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'exchange-receive');

  await page.getByTestId('accept-selected').click();
  await page.getByTestId('accept-confirm').click();
  await expect(page.getByText('已接受 1 项修改')).toBeVisible();
  await expect(docRow).toContainText('无修改');
  await expect(sent.first()).toContainText('已回收');

  const after = await api<DocumentDetail>(server, 'documents.get', { id: doc.id });
  expect(after.version).toBe(doc.version + 1);
  expect(after.talkingPoints?.questions[0]?.answer).toBe('今年居民供暖价格不作调整，仍按每平方米25元执行。');
  // The conflicting answer was not accepted: the office's own change stands.
  const [kept] = await api<AnswerView[]>(server, 'answers.list', { departmentId: 'rizhao-01' });
  expect(kept?.answer).toBe('可拨打12345热线或供热企业服务电话。');
});

test('antd’s stylesheet, loaded behind the first screen, does not undo the app’s own rules', async ({
  page,
  server,
}) => {
  // The dashboard has no antd; its stylesheet comes with the next screen, after the app's (antd-scope.tsx).
  await page.goto(appUrl(server, '/dashboard'));
  await page.getByTestId('dashboard-page').waitFor();
  await page.getByTestId('nav-exchange').click();
  await page.getByTestId('exchange-page').waitFor();
  // `.block` (16 px under a card) against antd's `.ant-card { margin: 0 }`, of equal specificity.
  const card = page.getByTestId('send-pack');
  await expect(card).toHaveClass(/ant-card/);
  await expect(card).toHaveCSS('margin-bottom', '16px');
  // And antd's own rules apply inside its scope: a card draws its border.
  await expect(card).toHaveCSS('border-top-style', 'solid');
});

test('the department copy refuses a reply, and the office refuses a pack it made itself', async ({ page, server }) => {
  test.setTimeout(60_000);
  await openExchange(page, server);
  await page.getByTestId('send-department').click();
  await page.keyboard.type('市发改委');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '市发改委' }).click();
  await page.getByTestId('send-export').click();
  const [packPath] = await saveExport(page, 'send-dialog', server.dataDir, /\.json$/);
  // The office imports its own pack as if it were a reply.
  await page
    .getByTestId('receive-upload')
    .locator('input[type="file"]')
    .setInputFiles(packPath as string);
  await expect(page.getByTestId('receive-error')).toContainText('这是本办发给部门的材料包');
  // And opens it as a department would: this copy made it.
  await page.getByTestId('tab-department').click();
  await page
    .getByTestId('open-pack-upload')
    .locator('input[type="file"]')
    .setInputFiles(packPath as string);
  await expect(page.getByTestId('open-pack-error')).toContainText('这是本机生成的材料包');
});

test('roster import: a bad row blocks it, the fixed file imports, and so does a GBK CSV', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app;
  const upload = (name: string, text: string | Buffer) =>
    page
      .getByTestId('roster-upload')
      .locator('input[type="file"]')
      .setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
      });

  await page.getByTestId('roster-import').click();
  const modal = page.getByTestId('roster-modal');
  await expect(modal).toContainText('部门（必填）');
  await upload(
    '新闻发言人名册.csv',
    '部门,姓名,角色,电话,邮箱\r\n日照市发展和改革委员会,张明,新闻发言人,0633-8781234,zhangming@rizhao.gov.cn\r\n市不存在局,李四,相关负责人,,\r\n',
  );
  const problems = modal.getByTestId('roster-row-error');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toHaveText('第3行“部门”：没有名为“市不存在局”的部门');
  await expect(modal.getByTestId('roster-import-submit')).toBeDisabled();
  await expect(modal.getByTestId('roster-blocked')).toContainText('不会写入任何数据');
  await expect(modal.getByTestId('roster-preview')).toContainText('日照市发展和改革委员会 → 市发改委');
  await screenshot(page, 'roster-errors');

  await upload(
    '新闻发言人名册.csv',
    '部门,姓名,角色,电话,邮箱\r\n日照市发展和改革委员会,张明,新闻发言人,0633-8781234,zhangming@rizhao.gov.cn\r\n市发改委,李四,相关负责人,,\r\n',
  );
  await expect(modal.getByTestId('roster-summary')).toHaveText('可导入 2 行：新增 2 人，更新 0 人，无变化 0 人。');
  await expect(problems).toHaveCount(0);
  await modal.getByTestId('roster-import-submit').click();
  await expect(modal.getByTestId('roster-result')).toContainText('新增 2 人，更新 0 人，无变化 0 人。');
  await modal.getByTestId('roster-close').click();
  await expect(modal).toBeHidden();
  // The register refreshed: 市发改委 now has a spokesperson.
  const row = page.getByTestId('register-table').locator('tr.ant-table-row', { hasText: '市发改委' });
  await expect(row.getByTestId('flag-no-spokesperson')).toHaveCount(0);

  // A roster saved by Excel on Chinese Windows: GBK, 职务 instead of 角色.
  await page.getByTestId('roster-import').click();
  await upload('名册（GBK）.csv', readFileSync(join(ROOT, 'test/fixtures/roster/roster-gbk.csv')));
  await expect(modal.getByTestId('roster-summary')).toHaveText('可导入 3 行：新增 3 人，更新 0 人，无变化 0 人。');
  await expect(modal.getByTestId('roster-preview')).toContainText('党组书记、主任');
  await expect(modal.getByTestId('roster-preview')).toContainText('日照市财政局 → 市财政局');
  await screenshot(page, 'roster-gbk');
  await modal.getByTestId('roster-import-submit').click();
  await expect(modal.getByTestId('roster-result')).toContainText('新增 3 人');
  await modal.getByTestId('roster-close').click();
  await page.getByTestId('register-search').locator('input').fill('王芳');
  await expect(page.getByTestId('register-table').locator('tr.ant-table-row')).toContainText(['市财政局']);
});

test('the compliance sheet exports as an Excel workbook and a Word document', async ({ page, server }) => {
  test.setTimeout(60_000);
  await page.goto(appUrl(server, '/compliance'));
  await page.getByTestId('compliance-matrix').waitFor();
  await screenshot(page, 'compliance-export');
  await page.getByTestId('compliance-export-xlsx').click();
  const [xlsx] = await saveExport(
    page,
    'compliance-export-dialog',
    server.dataDir,
    /^\d{4}年度新闻发布工作达标情况\.xlsx$/,
  );
  expect(existsSync(xlsx as string)).toBe(true);
  expect(
    readFileSync(xlsx as string)
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  await page.getByTestId('compliance-export-docx').click();
  const [docx] = await saveExport(
    page,
    'compliance-export-dialog',
    server.dataDir,
    /^\d{4}年度新闻发布工作达标情况\.docx$/,
  );
  expect(
    readFileSync(docx as string)
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  // Writing the same name again asks first.
  await page.getByTestId('compliance-export-xlsx').click();
  const dialog = page.getByTestId('compliance-export-dialog');
  await dialog.getByTestId('export-dir').fill(server.dataDir);
  await dialog.getByTestId('export-save').click();
  await dialog.getByTestId('export-overwrite').click();
  await expect(dialog.getByTestId('export-path')).toHaveText(xlsx as string);
});
