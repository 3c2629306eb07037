// 网站同步 and 年度考核 end to end: two approved releases make the first package (exported from the
// page, checked on disk); one is edited and the other reopened, so the second package carries one
// update and one withdrawal; the log lists both, package 1 is re-created byte for byte elsewhere, and
// a tampered copy fails verification. The assessment counts the 政府网站 release and exports as .xlsx.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, expect, screenshot, test } from './fixtures';

interface Doc {
  id: string;
  title: string;
  body: string;
  status: string;
}

interface Manifest {
  sequence: number;
  previousSequence: number | null;
  items: { id: string; metadata: { indexNo: string; summary: string } }[];
  deleted: string[];
}

const DRAFTER = '李起草';
const REVIEWER = '审核人';

async function open(page: Page, server: AppServer, route: string, testId: string): Promise<void> {
  const origin = new URL(server.url).origin;
  await page.goto(page.url().startsWith(origin) ? `${origin}/#${route}` : appUrl(server, route));
  await page.getByTestId(testId).waitFor();
}

/** Submitted by the drafter, approved by another person, as the review rules require. */
async function approve(server: AppServer, id: string): Promise<Doc> {
  await api(server, 'settings.update', { userName: DRAFTER });
  await api(server, 'documents.review', { id, action: 'submit' });
  await api(server, 'settings.update', { userName: REVIEWER });
  return api<Doc>(server, 'documents.review', { id, action: 'approve', confidentialityBy: '保密员' });
}

async function release(server: AppServer, fields: Record<string, unknown>): Promise<Doc> {
  await api(server, 'settings.update', { userName: DRAFTER });
  const doc = await api<Doc>(server, 'documents.create', {
    fields: { kind: 'release', portalColumn: '新闻发布', ...fields },
  });
  return approve(server, doc.id);
}

const manifestOf = (folder: string): Manifest => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));

test.use({ now: '2026-03-16T09:00:00+08:00' });

test('plan, export, change and withdraw, export again, re-create and verify; the assessment counts it', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const a = await release(server, {
    title: '市发改委召开一季度重大项目建设新闻发布会',
    departmentId: 'rizhao-01',
    body: '一、基本情况\n\n3月10日，市发改委召开新闻发布会，介绍一季度重大项目建设情况。\n\n二、主要内容\n\n全市重大项目开工118个。',
  });
  await api(server, 'documents.review', { id: a.id, action: 'release' });
  const b = await release(server, {
    title: '日照市2026年春季植树造林工作全面启动',
    body: '3月12日，全市春季植树造林工作全面启动，计划完成造林1.2万亩。',
  });

  // The plan: both are new, their 索引号 given on export.
  await open(page, server, '/portal', 'portal-page');
  const plan = page.getByTestId('portal-plan');
  await expect(plan.getByTestId('plan-sequence')).toHaveText('第 1 次同步');
  await expect(plan.getByTestId('plan-count-added')).toHaveText('2');
  await expect(plan.getByTestId('plan-count-withdrawn')).toHaveText('0');
  const rowA = page.getByTestId(`plan-row-${a.id}`);
  await expect(rowA).toHaveAttribute('data-change', 'added');
  await expect(rowA).toContainText('新闻发布');
  await expect(rowA.getByTestId('plan-index-no')).toHaveText('导出时分配');
  await expect(page.getByTestId(`plan-row-${b.id}`)).toContainText('日照市2026年春季植树造林工作全面启动');

  // 编辑公开信息: the summary counter counts characters as the service does; 101 cannot be saved.
  await rowA.getByTestId('plan-edit-entry').click();
  const entry = page.getByTestId('portal-entry-modal');
  await expect(entry.getByTestId('entry-topic')).toHaveValue('综合政务');
  const summary = entry.getByTestId('entry-summary');
  await summary.fill('项'.repeat(101));
  await expect(entry).toContainText('摘要不能超过 100 字，现为 101 字');
  await expect(entry.getByTestId('entry-save')).toBeDisabled();
  await summary.fill('市发改委介绍一季度全市重大项目建设情况：开工118个，𠮷祥项目进展顺利。');
  await expect(entry).toContainText('36 / 100');
  await entry.getByTestId('entry-topic').fill('国民经济管理');
  await screenshot(page, 'portal-entry');
  await entry.getByTestId('entry-save').click();
  await expect(entry).toBeHidden();
  // Saving gave it its 索引号.
  await expect(rowA.getByTestId('plan-index-no')).toHaveText(/-2026-00001$/);
  await screenshot(page, 'portal-plan');

  // Export into the default folder: <export folder>/portal.
  const exportCard = page.getByTestId('portal-export');
  const dir = join(server.dataDir, 'exports', 'portal');
  await expect(exportCard.getByTestId('portal-dir')).toHaveValue(dir);
  await exportCard.getByTestId('portal-zip').check();
  await exportCard.getByTestId('portal-export-run').click();
  const result = exportCard.getByTestId('portal-export-result');
  await expect(result).toContainText('已导出第 1 次同步包');
  await expect(result.getByTestId('portal-export-counts')).toHaveText('新增 2 条，更新 0 条，撤回 0 条；包内共 2 条');
  const folder1 = (await result.getByTestId('portal-export-folder').textContent()) ?? '';
  expect(folder1.startsWith(`${dir}/000001-`)).toBe(true);
  await expect(result.getByTestId('portal-export-zip')).toHaveText(`${folder1}.zip`);
  await expect(exportCard.getByTestId('portal-export-verify')).toHaveText(
    '校验通过：第 1 次同步包，2 条内容，4 个文件',
  );
  const first = manifestOf(folder1);
  expect(first.sequence).toBe(1);
  expect(first.previousSequence).toBeNull();
  expect(first.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
  expect(first.items.find((i) => i.id === a.id)?.metadata.summary).toContain('𠮷祥项目');
  await expect(plan.getByTestId('plan-count-added')).toHaveText('0');
  await expect(plan.getByTestId('plan-unchanged')).toContainText('另有 2 条未变化');
  await screenshot(page, 'portal-exported');

  // Nothing changed: an incremental export writes nothing and says so.
  await exportCard.getByTestId('portal-zip').uncheck();
  await exportCard.getByTestId('portal-export-run').click();
  await expect(exportCard.getByTestId('portal-export-nothing')).toContainText('增量导出未写入任何文件');
  await expect(exportCard.getByTestId('portal-export-nothing')).toContainText('全量导出');

  // A is edited (reopened, changed, approved again); B is reopened and so leaves the website.
  await api(server, 'settings.update', { userName: DRAFTER });
  await api(server, 'documents.review', { id: a.id, action: 'reopen' });
  const current = await api<Doc>(server, 'documents.get', { id: a.id });
  await api(server, 'documents.update', {
    id: a.id,
    fields: {
      kind: 'release',
      title: current.title,
      departmentId: 'rizhao-01',
      portalColumn: '新闻发布',
      body: `${current.body}\n\n三、下一步工作\n\n加快项目建设进度。`,
    },
  });
  await approve(server, a.id);
  await api(server, 'documents.review', { id: b.id, action: 'reopen' });

  await plan.getByTestId('plan-refresh').click();
  await expect(plan.getByTestId('plan-sequence')).toHaveText('第 2 次同步');
  await expect(plan.getByTestId('plan-count-changed')).toHaveText('1');
  await expect(plan.getByTestId('plan-count-withdrawn')).toHaveText('1');
  await expect(rowA).toHaveAttribute('data-change', 'changed');
  await expect(page.getByTestId(`plan-row-${b.id}`)).toHaveAttribute('data-change', 'withdrawn');
  await expect(page.getByTestId(`plan-row-${b.id}`)).toContainText('将从网站撤下');

  await exportCard.getByTestId('portal-export-run').click();
  await expect(result).toContainText('已导出第 2 次同步包');
  await expect(result.getByTestId('portal-export-counts')).toHaveText('新增 0 条，更新 1 条，撤回 1 条；包内共 1 条');
  const folder2 = (await result.getByTestId('portal-export-folder').textContent()) ?? '';
  const second = manifestOf(folder2);
  expect(second.sequence).toBe(2);
  expect(second.previousSequence).toBe(1);
  expect(second.items.map((i) => i.id)).toEqual([a.id]);
  expect(second.deleted).toEqual([b.id]);
  await expect(exportCard.getByTestId('portal-export-verify')).toHaveAttribute('data-ok', 'true');

  // The log: newest first, 增量 with its counts.
  const history = page.getByTestId('portal-history');
  await expect(history.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await expect(history.getByTestId('history-row-2').getByTestId('history-counts')).toHaveText('0 / 1 / 1');
  await expect(history.getByTestId('history-row-1')).toContainText('增量');
  await expect(history.getByTestId('history-row-1')).toContainText(REVIEWER);
  await history.getByTestId('history-row-1').getByTestId('history-show-path').click();
  await expect(page.getByTestId('history-path')).toHaveText(folder1);
  await page.getByTestId('history-path-modal').getByRole('button', { name: '确定' }).click();
  await screenshot(page, 'portal-history');

  // Re-create package 1: where it already is, the folder exists; elsewhere, the same bytes.
  await history.getByTestId('history-row-1').getByTestId('history-recreate').click();
  const recreate = page.getByTestId('recreate-modal');
  await expect(recreate.getByTestId('recreate-dir')).toHaveValue(dir);
  await recreate.getByTestId('recreate-run').click();
  await expect(recreate.getByTestId('recreate-error')).toContainText('该文件夹中已有第 1 次同步包');
  const copyDir = join(server.dataDir, '重新生成');
  await recreate.getByTestId('recreate-dir').fill(copyDir);
  await recreate.getByTestId('recreate-run').click();
  const copy = join(copyDir, folder1.slice(dir.length + 1));
  await expect(recreate.getByTestId('recreate-folder')).toHaveText(copy);
  await expect(recreate.getByTestId('recreate-verify')).toHaveAttribute('data-ok', 'true');
  expect(readFileSync(join(copy, 'manifest.json')).equals(readFileSync(join(folder1, 'manifest.json')))).toBe(true);
  await screenshot(page, 'portal-recreated');
  await recreate.getByTestId('recreate-close').click();

  // 校验同步包: the zip verifies; a copy with a file added does not, and says which file.
  const verify = page.getByTestId('portal-verify');
  await verify.getByTestId('verify-path').fill(`${folder1}.zip`);
  await verify.getByTestId('verify-run').click();
  await expect(verify.getByTestId('verify-result')).toHaveText('校验通过：第 1 次同步包，2 条内容，4 个文件');
  appendFileSync(join(copy, 'notes.txt'), '多出来的文件');
  await verify.getByTestId('verify-path').fill(copy);
  await verify.getByTestId('verify-run').click();
  await expect(verify.getByTestId('verify-result')).toContainText('校验未通过，发现 1 个问题');
  await expect(verify.getByTestId('verify-problem')).toHaveText('notes.txt：多余文件，清单中没有');
  await verify.getByTestId('verify-result').scrollIntoViewIfNeeded();
  await screenshot(page, 'portal-verify-failed');

  // 年度考核: A went to the website (recorded by the export) for 市发改委.
  await page.getByTestId('nav-assessment').click();
  // Its chunk loads on first use: wait on the page, not on the short assertion timeout.
  await page.getByTestId('assessment-page').waitFor();
  const row = page.getByTestId('assessment-row-rizhao-01');
  await expect(row.locator('[data-col="channel-portal"]')).toHaveText('1');
  await expect(row.locator('[data-col="channel-gazette"]')).toHaveText('0');
  await expect(page.getByTestId('assessment-total').locator('td').nth(4)).toHaveText('1');
  await screenshot(page, 'assessment');
  // At 1280×800 the table scrolls sideways, the department column staying in place.
  const body = page.getByTestId('assessment-table').locator('.ant-table-body');
  expect(await body.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await body.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect(page.getByTestId('assessment-table').getByRole('columnheader', { name: '按时回应' })).toBeInViewport();
  await expect(row).toContainText('市发改委');
  await screenshot(page, 'assessment-scrolled');

  await page.getByTestId('assessment-export-xlsx').click();
  const dialog = page.getByTestId('assessment-export-dialog');
  await expect(dialog.getByTestId('export-file-name')).toHaveValue('2026年度新闻发布和政务公开工作考核情况.xlsx');
  await dialog.getByTestId('export-save').click();
  const xlsx = join(server.dataDir, 'exports', '2026年度新闻发布和政务公开工作考核情况.xlsx');
  await expect(dialog.getByTestId('export-path')).toHaveText(xlsx);
  expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('the pages read in English too, and nothing to export says so', async ({ page, server }) => {
  await api(server, 'settings.update', { language: 'en-US' });
  await open(page, server, '/portal', 'portal-page');
  await expect(page.getByTestId('portal-plan')).toContainText('Nothing added, changed or withdrawn');
  await page.getByTestId('portal-export-run').click();
  await expect(page.getByTestId('portal-export-nothing')).toContainText('Nothing to send yet');
  await screenshot(page, 'portal-en');
  await page.getByTestId('nav-assessment').click();
  await page.getByTestId('assessment-page').waitFor();
  await expect(page.getByTestId('assessment-table')).toContainText('Government website');
  await screenshot(page, 'assessment-en');
});
