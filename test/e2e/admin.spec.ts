// The audit trail, backups and the who-is-working picker, end to end in browser mode.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, expect, pickOption, screenshot, test } from './fixtures';

interface Person {
  id: string;
  name: string;
}

async function addPerson(server: AppServer, name: string): Promise<Person> {
  return api<Person>(server, 'people.create', {
    departmentId: 'rizhao-01',
    name,
    role: 'spokesperson',
    tenureStart: '2025-01-01',
  });
}

const auditRows = (page: Page) => page.getByTestId('audit-table').locator('tbody tr.ant-table-row');

test('asks who is working once per session, and the header switches user later', async ({ browser, server }) => {
  // A page of its own: the fixtures' pages skip the question.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(appUrl(server, '/register'));
    const picker = page.getByRole('dialog', { name: '请确认操作人' });
    await expect(picker).toBeVisible();
    const name = page.getByTestId('user-picker-name');
    await expect(name).toBeFocused();
    // The question must be answered: Esc does not dismiss it, and there is no cancel.
    await page.keyboard.press('Escape');
    await expect(picker).toBeVisible();
    await expect(picker.getByRole('button', { name: '取消' })).toHaveCount(0);

    // Blank is refused, as the server would.
    await name.fill('   ');
    await name.press('Enter');
    await expect(picker.getByText('请填写操作人姓名')).toBeVisible();

    await name.fill('李建国');
    await expect(picker.getByText('请填写操作人姓名')).toBeHidden();
    await screenshot(page, 'user-picker');
    await name.press('Enter');
    await expect(picker).toBeHidden();
    await expect(page.getByTestId('current-user')).toHaveText('当前用户：李建国');

    // A reload in the same session does not ask again.
    await page.reload();
    await expect(page.getByTestId('register-table')).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText('当前用户：李建国');
    await expect(picker).toHaveCount(0);

    // The header opens the picker; names used before are offered, most recent first.
    await page.getByTestId('current-user').click();
    await expect(picker).toBeVisible();
    await expect(name).toHaveValue('李建国');
    const recent = picker.getByTestId('user-picker-recent');
    await expect(recent.getByRole('button').first()).toHaveText('李建国');
    await recent.getByRole('button').nth(1).click();
    const previous = await name.inputValue();
    expect(previous).not.toBe('李建国');
    await picker.getByTestId('user-picker-ok').click();
    await expect(picker).toBeHidden();
    await expect(page.getByTestId('current-user')).toHaveText(`当前用户：${previous}`);
  } finally {
    await context.close();
  }
});

test('the audit trail lists changes by who made them, filters and exports CSV', async ({ server, app: page }) => {
  await api(server, 'settings.update', { userName: '王秀英' });
  const person = await addPerson(server, '张明');
  await api(server, 'people.update', {
    id: person.id,
    fields: {
      departmentId: 'rizhao-01',
      name: '张明',
      role: 'spokesperson',
      tenureStart: '2025-01-01',
      title: '副主任',
    },
  });

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-page')).toBeVisible();
  await expect(page).toHaveURL(/#\/audit$/);
  const first = auditRows(page).first();
  await expect(first).toContainText('王秀英');
  await expect(first.getByTestId('audit-action')).toHaveText('修改');
  await expect(first.getByTestId('audit-entity')).toHaveText('人员');
  await expect(first).toContainText(person.id);
  await expect(first.getByTestId('audit-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

  // The update's before and after, the changed field highlighted.
  await first.locator('.ant-table-row-expand-icon').click();
  const diff = page.getByTestId('audit-diff').first();
  await expect(diff.getByTestId('audit-diff-changed')).toHaveCount(1);
  await expect(diff.getByTestId('audit-diff-changed')).toContainText('职务');
  await expect(diff.getByTestId('audit-diff-changed')).toContainText('副主任');
  await screenshot(page, 'audit');

  // Filter by action: only creations remain, the person's among them.
  await pickOption(page, page.getByTestId('audit-filter-action'), '新增');
  await expect(auditRows(page).filter({ hasText: person.id })).toHaveCount(1);
  const actions = await auditRows(page).getByTestId('audit-action').allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(['新增']));
  await expect(auditRows(page).filter({ hasText: person.id })).toContainText('王秀英');

  // Export downloads the filtered trail as CSV (UTF-8 with BOM, Chinese header).
  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^press-office-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  expect(csv.startsWith('编号,时间,操作人,操作,对象')).toBe(true);
  expect(csv).toContain(person.id);
  expect(csv).not.toContain(',update,');

  // The export is itself recorded.
  await page.getByTestId('audit-filter-clear').click();
  await expect(auditRows(page).first().getByTestId('audit-action')).toHaveText('导出');
  await expect(auditRows(page).first().getByTestId('audit-entity')).toHaveText('操作日志');
});

test('back up now, then restore the backup: later changes are gone', async ({ server, app: page }) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-backups').click();
  const panel = page.getByTestId('backups-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/^已完成备份/)).toBeVisible();
  const manual = panel.locator('tr.backup-manual');
  await expect(manual).toHaveCount(1);
  await expect(manual.getByTestId('backup-kind')).toHaveText('手动');
  await expect(manual).toContainText(/\d+ KB|\d+\.\d MB/);

  await addPerson(server, '赵晓燕');
  await page.getByTestId('nav-register').click();
  await page.getByTestId('register-table').getByRole('link', { name: '市发改委', exact: true }).click();
  await expect(page.getByTestId('people-table')).toContainText('赵晓燕');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-backups').click();
  await manual.getByTestId('backup-restore').click();
  const confirm = page.getByTestId('restore-confirm');
  await expect(confirm).toContainText('将被这个备份中的数据替换');
  await expect(confirm).toContainText('当前的数据文件不会删除');
  await screenshot(page, 'backups');
  await page.getByTestId('restore-ok').click();
  const done = page.getByTestId('restore-done');
  await expect(done).toBeVisible();
  await expect(page.getByTestId('restore-aside')).toContainText('press-office.db.before-restore-');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(done).toBeHidden();

  await page.getByTestId('nav-register').click();
  await page.getByTestId('register-table').getByRole('link', { name: '市发改委', exact: true }).click();
  await expect(page.getByTestId('department-title')).toHaveText('市发改委');
  await expect(page.getByTestId('people-table')).not.toContainText('赵晓燕');
});
