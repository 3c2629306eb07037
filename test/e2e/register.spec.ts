// The department register end to end, in browser mode, against a fresh seeded database per test.
import type { Page } from '@playwright/test';
import { api, expect, screenshot, test } from './fixtures';

const searchBox = (page: Page) => page.getByRole('searchbox');
const rows = (page: Page) => page.getByTestId('register-table').locator('tbody tr.ant-table-row');

async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(value);
  // Tab commits the typed date and leaves the picker; Enter would also submit the form.
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

async function openDepartment(page: Page, name: string): Promise<void> {
  await page.getByTestId('register-table').getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('department-title')).toHaveText(name);
}

test('the register lists the 24 seeded departments in the notice order', async ({ app: page }) => {
  await expect(rows(page)).toHaveCount(24);
  await expect(rows(page).first()).toHaveAttribute('data-row-key', 'rizhao-01');
  await expect(rows(page).first()).toContainText('市发改委');
  await expect(rows(page).last()).toHaveAttribute('data-row-key', 'rizhao-24');
  await expect(rows(page).last()).toContainText('市地税局');
  await expect(page.getByTestId('register-count')).toHaveText('共 24 个部门');
  // No spokesperson is recorded yet: every listed department is flagged.
  await expect(page.getByTestId('flag-no-spokesperson')).toHaveCount(24);
  await expect(page.getByTestId('current-user')).toContainText('当前用户');
  // The session token was taken out of the address bar.
  await expect(page).toHaveURL(/#\/register$/);
  await screenshot(page, 'register-zh');
});

test('a Chinese substring search filters the register', async ({ app: page }) => {
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('公安');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('市公安局');
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(24);
});

test('add and edit a spokesperson; the record survives a reload', async ({ app: page }) => {
  await openDepartment(page, '市发改委');
  await expect(page.getByTestId('department-fullname')).toHaveText('日照市发展和改革委员会');

  // A person without a name is refused, in Chinese, on the name field.
  await page.getByTestId('add-person').click();
  const form = page.getByTestId('person-form');
  await expect(form).toBeVisible();
  await form.getByTestId('person-title').fill('新闻发言人、副主任');
  await form.getByTestId('form-submit').click();
  await expect(form.getByText('请填写姓名')).toBeVisible();
  await screenshot(page, 'person-form-error');

  // Filled in properly; Enter submits.
  await form.getByTestId('person-name').fill('张明');
  await expect(form.getByText('请填写姓名')).toBeHidden();
  await fillDate(page, 'person-tenureStart', '2024-03-01');
  await form.getByTestId('person-phone').fill('0633-8888888');
  await form.getByTestId('person-name').press('Enter');
  await expect(form).toBeHidden();

  const row = page.getByTestId('people-table').getByRole('row', { name: /张明/ });
  await expect(row).toContainText('新闻发言人');
  await expect(row).toContainText('新闻发言人、副主任');
  await expect(row).toContainText('2024-03-01 起');
  await expect(row.getByTestId('untrained-tag')).toHaveText('未培训上岗');

  // Edit the title.
  await row.getByTestId('edit-person').click();
  await expect(form.getByTestId('person-name')).toHaveValue('张明');
  await form.getByTestId('person-title').fill('新闻发言人、党组成员、副主任');
  await form.getByTestId('form-submit').click();
  await expect(form).toBeHidden();
  await expect(row.getByTestId('person-title-cell')).toHaveText('新闻发言人、党组成员、副主任');

  // Still there after a reload (the session token survives it).
  await page.reload();
  await expect(page.getByTestId('department-title')).toHaveText('市发改委');
  await expect(row.getByTestId('person-title-cell')).toHaveText('新闻发言人、党组成员、副主任');
  await expect(row.getByTestId('untrained-tag')).toBeVisible();
});

test('a training before the tenure start clears the untrained warning', async ({ server, app: page }) => {
  await api(server, 'people.create', {
    departmentId: 'rizhao-05',
    name: '李华',
    role: 'spokesperson',
    title: '新闻发言人',
    tenureStart: '2024-03-01',
  });
  // The register flags the untrained spokesperson.
  await page.reload();
  const listRow = page.locator('tr[data-row-key="rizhao-05"]');
  await expect(listRow.getByTestId('flag-untrained')).toBeVisible();
  await expect(listRow.getByTestId('flag-no-spokesperson')).toHaveCount(0);

  await openDepartment(page, '市公安局');
  const row = page.getByTestId('people-table').getByRole('row', { name: /李华/ });
  await expect(row.getByTestId('untrained-tag')).toBeVisible();

  await row.getByTestId('add-training').click();
  const training = page.getByTestId('training-form');
  await fillDate(page, 'training-date', '2024-02-20');
  await training.getByTestId('training-course').fill('全市新闻发言人培训班');
  await training.getByTestId('training-hours').fill('16');
  await training.getByTestId('form-submit').click();
  await expect(training).toBeHidden();
  await expect(row.getByTestId('trainings')).toContainText('2024-02-20 全市新闻发言人培训班');
  await expect(row.getByTestId('untrained-tag')).toHaveCount(0);
  await screenshot(page, 'department-detail');

  await page.getByTestId('back-to-register').click();
  await expect(listRow).toBeVisible();
  await expect(listRow.getByTestId('flag-untrained')).toHaveCount(0);
});

test('a rename keeps the former name in the history', async ({ app: page }) => {
  await openDepartment(page, '市卫生局');
  await expect(page.getByTestId('former-names')).toContainText('无曾用名');
  await page.getByTestId('edit-department').click();
  const form = page.getByTestId('department-form');
  await form.getByTestId('department-name').fill('市卫生计生委');
  await form.getByTestId('department-fullName').fill('日照市卫生和计划生育委员会');
  await form.getByTestId('form-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('department-title')).toHaveText('市卫生计生委');
  await expect(page.getByTestId('former-names')).toContainText('市卫生局');
  await expect(page.getByTestId('former-names')).toContainText('日照市卫生局');

  // The old name still finds it.
  await page.getByTestId('back-to-register').click();
  await searchBox(page).fill('卫生局');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('市卫生计生委');
});

test('a department name already in use is refused on its field', async ({ app: page }) => {
  await page.getByTestId('add-department').click();
  const form = page.getByTestId('department-form');
  await form.getByTestId('department-name').fill('市公安局');
  await form.getByTestId('department-fullName').fill('日照市公安局（重复）');
  await form.getByTestId('form-submit').click();
  await expect(form.getByText('已有现行部门使用这个简称')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
});

test('switching the language to English and back', async ({ app: page }) => {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await expect(page.getByTestId('app-info')).toContainText('浏览器模式');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('nav-register')).toHaveText('Department register');
  await expect(page.getByTestId('app-info')).toContainText('Browser mode');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  await page.getByTestId('nav-register').click();
  await expect(page.getByRole('columnheader', { name: 'Short name' })).toBeVisible();
  await expect(page.getByTestId('register-count')).toHaveText('24 departments');
  await screenshot(page, 'register-en');

  // The language is a setting: it holds after a reload.
  await page.reload();
  await expect(page.getByTestId('nav-register')).toHaveText('Department register');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-zh').click();
  await expect(page.getByTestId('nav-register')).toHaveText('部门名册');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the user name is recorded in the settings and shown in the header', async ({ app: page }) => {
  await page.getByTestId('nav-settings').click();
  const input = page.getByTestId('settings-username');
  await input.fill('');
  await page.getByTestId('save-username').click();
  await expect(page.getByText('请填写操作人姓名')).toBeVisible();
  await input.fill('王秀英');
  await input.press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText('当前用户：王秀英');
});

test('merge a department into its successor', async ({ app: page }) => {
  await openDepartment(page, '市人口计生委');
  await page.getByTestId('merge-department').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
  await dialog.getByRole('combobox').fill('卫生局');
  await dialog.getByRole('combobox').press('Enter');
  await expect(dialog.getByTestId('merge-target')).toContainText('市卫生局');
  await dialog.getByRole('button', { name: '确认合并' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('department-page')).toContainText('已并入市卫生局');
  await expect(page.getByTestId('add-person')).toBeDisabled();

  await page.getByTestId('back-to-register').click();
  await expect(rows(page)).toHaveCount(23);
  await page.getByTestId('filter-inactive').click();
  await expect(rows(page)).toHaveCount(24);
  await expect(page.locator('tr[data-row-key="rizhao-16"]')).toContainText('已并入市卫生局');
});

test('add a department, then delete it while nothing refers to it', async ({ app: page }) => {
  await page.getByTestId('add-department').click();
  const form = page.getByTestId('department-form');
  await form.getByTestId('form-submit').click();
  await expect(form.getByText('请填写简称')).toBeVisible();
  await form.getByTestId('department-name').fill('市大数据局');
  await form.getByTestId('department-fullName').fill('日照市大数据发展局');
  await form.getByTestId('department-fullName').press('Enter');
  await expect(page.getByTestId('department-title')).toHaveText('市大数据局');

  await page.getByTestId('remove-department').click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByTestId('register-page')).toBeVisible();
  await expect(rows(page)).toHaveCount(24);
  await expect(page.getByTestId('register-table')).not.toContainText('市大数据局');
});
