// 舆情 end to end: register a 重大 item (未上报, deadline 24 h after detection), move the clock past the
// deadline (overdue on the register and the dashboard), record the report up, answer it with a press
// conference, read the response figures, and change a grade's hours. The server's clock is set with
// --now and moved by a restart; the page's clock is pinned to the same instant, since the register
// counts the hours left on the machine's clock (the server and the window share one in real use).
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, expect, pickOption, screenshot, test } from './fixtures';

interface Opinion {
  id: string;
  summary: string;
  topic: string | null;
  grade: string;
  deadlineAt: string;
  conferenceId: string | null;
  response: string | null;
  status: string;
  unreported: boolean;
  overdue: boolean;
}

interface Conference {
  id: string;
  title: string;
  date: string;
  topics: string[];
  status: string;
}

const SUMMARY = '网民反映东港区某小区入冬以来供暖温度持续不达标，多次拨打热线未得到解决';
const TOPIC = '冬季供暖';

async function open(page: Page, server: AppServer, route: string, testId: string): Promise<void> {
  const origin = new URL(server.url).origin;
  // Already running against this server: the token is in the session, only the route changes.
  await page.goto(page.url().startsWith(origin) ? `${origin}/#${route}` : appUrl(server, route));
  await page.getByTestId(testId).waitFor();
}

/** The text box of a field, whether antd put the test id on the box or on its wrapper. */
function input(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Types into a date or date-and-time picker as the user would (`2026-11-27 09:30`). */
async function fillInstant(page: Page, testId: string, value: string): Promise<void> {
  const box = input(page, testId);
  await box.click();
  await box.fill(value);
  await box.press('Tab');
  await expect(box).toHaveValue(value);
}

function row(page: Page, text: string) {
  return page.getByTestId('opinions-table').getByTestId('opinion-row').filter({ hasText: text });
}

test.describe('the 舆情 register', () => {
  test.use({ now: '2026-11-27T10:00:00+08:00', timezoneId: 'Asia/Shanghai' });

  test('a 重大 item: deadline, overdue, report up, a conference, figures and grades', async ({ page, server }) => {
    test.setTimeout(240_000);
    await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+08:00'));
    await open(page, server, '/opinions', 'opinions-page');
    await expect(page.getByTestId('opinions-table')).toContainText('尚未登记舆情');

    // Register it in the UI. The deadline shows before saving, from the grade's hours.
    await page.getByTestId('opinion-add').click();
    const editor = page.getByTestId('opinion-editor');
    await expect(editor).toBeVisible();
    await editor.getByTestId('opinion-source').fill('“日照发布”微博评论区');
    await pickOption(page, editor.getByTestId('opinion-channel'), '微博');
    await fillInstant(page, 'opinion-detected-at', '2026-11-27 09:30');
    await editor.getByTestId('opinion-summary').fill(SUMMARY);
    await input(page, 'opinion-topic').fill(TOPIC);
    await expect(editor.getByTestId('opinion-deadline-rule')).toHaveText('一般舆情须在发现后 72 小时内回应');
    await pickOption(page, editor.getByTestId('opinion-grade-select'), '重大');
    await expect(editor.getByTestId('opinion-deadline-at')).toHaveText('2026-11-28 09:30');
    await expect(editor.getByTestId('opinion-deadline-rule')).toHaveText('重大舆情须在发现后 24 小时内回应');
    await expect(editor.getByTestId('opinion-deadline-preview')).toContainText('剩余 23 小时');
    await expect(editor.getByTestId('opinion-report-warning')).toContainText('重大舆情须及时向上级报告');
    await pickOption(page, editor.getByTestId('opinion-department'), '市住房城乡规划建设委');
    await editor.getByTestId('opinion-judgement').fill('涉及群众切身利益，评论转发较多，需住建部门第一时间核实回应。');
    await screenshot(page, 'opinions-editor-new');

    // Enter in a one-line field saves.
    await editor.getByTestId('opinion-source').press('Enter');
    await expect(editor).toBeHidden();
    const item = row(page, SUMMARY);
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('opinion-grade')).toHaveText('重大');
    await expect(item.getByTestId('opinion-unreported')).toHaveText('未上报');
    await expect(item.getByTestId('opinion-deadline')).toContainText('2026-11-28 09:30');
    await expect(item.getByTestId('opinion-deadline')).toContainText('剩余 23 小时');
    await expect(item).toContainText(`话题：${TOPIC}`);
    await expect(item).toHaveAttribute('data-overdue', 'false');
    const [saved] = await api<Opinion[]>(server, 'opinions.list', {});
    expect(saved?.deadlineAt).toBe('2026-11-28T01:30:00.000Z');
    expect(saved?.unreported).toBe(true);
    const id = (saved as Opinion).id;
    await screenshot(page, 'opinions-register');

    // 30 hours later: past the deadline, nobody answered.
    await server.restart('2026-11-28T16:00:00+08:00');
    await page.clock.setFixedTime(new Date('2026-11-28T16:00:00+08:00'));
    await page.goto(appUrl(server, '/opinions'));
    await page.getByTestId('opinions-page').waitFor();
    await expect(item).toHaveAttribute('data-overdue', 'true');
    await expect(item).toHaveClass(/opinion-row-overdue/);
    await expect(item.getByTestId('opinion-time-left')).toHaveText('已超时 6 小时');
    await page.getByTestId('opinions-filter-overdue').click();
    await expect(page.getByTestId('opinions-count')).toHaveText('共 1 条，其中超时 1 条');
    await screenshot(page, 'opinions-overdue');
    await page.getByTestId('opinions-filter-overdue').click();

    await open(page, server, '/dashboard', 'dashboard-page');
    const alerts = page.getByTestId('opinion-alerts');
    const overdueAlert = alerts.getByTestId('opinion-alerts-overdue-item').filter({ hasText: SUMMARY });
    await expect(overdueAlert).toContainText('已超时 6 小时');
    await expect(overdueAlert).toContainText('市住房城乡规划建设委');
    await expect(alerts.getByTestId('opinion-alerts-unreported-item').filter({ hasText: SUMMARY })).toBeVisible();
    await expect(alerts.getByTestId('opinion-alerts-overdue-total')).toHaveText('1');
    await expect(alerts.getByTestId('opinion-alerts-unreported-total')).toHaveText('1');
    await expect(page.getByTestId('completion-chart')).toBeVisible();
    await screenshot(page, 'opinions-dashboard-alerts');

    // Record the report up from the alert: the flag clears.
    await overdueAlert.getByRole('link', { name: SUMMARY }).click();
    await expect(page).toHaveURL(new RegExp(`#/opinions/${id}$`));
    await expect(editor).toBeVisible();
    await expect(editor.getByTestId('opinion-report-warning')).toBeVisible();
    await editor.getByTestId('opinion-reported-to').fill('市委宣传部（市委网信办）');
    await fillInstant(page, 'opinion-reported-at', '2026-11-27 11:00');
    await expect(editor.getByTestId('opinion-report-warning')).toBeHidden();
    await screenshot(page, 'opinions-editor-report');
    await editor.getByTestId('opinion-save').click();
    await expect(editor).toBeHidden();
    await expect(page).toHaveURL(/#\/opinions$/);
    await expect(item.getByTestId('opinion-unreported')).toHaveCount(0);
    await expect(item.getByTestId('opinion-reported')).toHaveText('已上报');
    await open(page, server, '/dashboard', 'dashboard-page');
    await expect(alerts.getByTestId('opinion-alerts-unreported-item')).toHaveCount(0);
    await expect(alerts.getByTestId('opinion-alerts-unreported-total')).toHaveText('0');
    await expect(alerts.getByTestId('opinion-alerts-overdue-item').filter({ hasText: SUMMARY })).toBeVisible();

    // Answer it with a press conference, planned from the item.
    await open(page, server, `/opinions/${id}`, 'opinion-editor');
    await editor.getByTestId('opinion-plan-conference').click();
    const dialog = page.getByTestId('opinion-conference-modal');
    await expect(dialog.getByTestId('opinion-conference-title')).toHaveValue('关于冬季供暖有关情况的新闻发布会');
    await fillInstant(page, 'opinion-conference-date', '2026-11-30');
    await dialog.getByTestId('opinion-conference-time').fill('15:00');
    await screenshot(page, 'opinions-conference-dialog');
    await dialog.getByTestId('opinion-conference-time').press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('opinion-conference-done')).toContainText('关于冬季供暖有关情况的新闻发布会');
    await expect(editor.getByTestId('opinion-open-conference')).toContainText('关于冬季供暖有关情况的新闻发布会');
    await expect(editor.getByTestId('opinion-plan-conference')).toBeDisabled();
    const answered = await api<Opinion>(server, 'opinions.get', { id });
    expect(answered.response).toBe('conference');
    expect(answered.status).toBe('answering');
    const conference = await api<Conference>(server, 'conferences.get', { id: answered.conferenceId });
    expect(conference.title).toBe('关于冬季供暖有关情况的新闻发布会');
    expect(conference.date).toBe('2026-11-30');
    expect(conference.topics).toContain(TOPIC);
    await screenshot(page, 'opinions-editor-conference');
    await page.getByTestId('opinion-conference-open').click();
    await expect(page.getByTestId('conference-page')).toBeVisible();
    await expect(page.getByTestId('conference-title')).toHaveText('关于冬季供暖有关情况的新闻发布会');

    // The figures: the item counts in the fourth quarter, not yet answered.
    await open(page, server, '/opinions', 'opinions-page');
    await page.getByTestId('opinions-tab-figures').click();
    await expect(input(page, 'opinion-figures-year')).toHaveValue('2026');
    const q4 = page.getByTestId('opinion-figures-quarter-2026-Q4');
    await expect(q4).toContainText('第4季度');
    await expect(q4.locator('td').nth(1)).toHaveText('1');
    await expect(q4.locator('td').nth(2)).toHaveText('0');
    await expect(q4.locator('td').nth(4)).toHaveText('0%（0/1）');
    await expect(page.getByTestId('opinion-figures-department-rizhao-09')).toContainText('市住房城乡规划建设委');
    await expect(page.getByTestId('opinion-chart-q4')).toBeVisible();
    await screenshot(page, 'opinions-figures');

    // 较大 now leaves 36 hours: a new 较大 item's deadline follows.
    await page.getByTestId('opinions-tab-grades').click();
    const hours = input(page, 'opinion-grade-major-hours');
    await expect(hours).toHaveValue('48');
    await hours.fill('36');
    await screenshot(page, 'opinions-grades');
    await page.getByTestId('opinion-grades-save').click();
    await expect(page.getByText('分级标准已保存')).toBeVisible();
    await page.getByTestId('opinions-tab-register').click();
    await page.getByTestId('opinion-add').click();
    await editor.getByTestId('opinion-source').fill('12345 政务服务便民热线');
    await pickOption(page, editor.getByTestId('opinion-channel'), '热线');
    await fillInstant(page, 'opinion-detected-at', '2026-11-28 08:00');
    await editor.getByTestId('opinion-summary').fill('市民反映万平口景区周边停车收费标准不清');
    await pickOption(page, editor.getByTestId('opinion-grade-select'), '较大');
    await expect(editor.getByTestId('opinion-deadline-rule')).toHaveText('较大舆情须在发现后 36 小时内回应');
    await expect(editor.getByTestId('opinion-deadline-at')).toHaveText('2026-11-29 20:00');
    await expect(editor.getByTestId('opinion-report-warning')).toHaveCount(0);
    await editor.getByTestId('opinion-save').click();
    await expect(editor).toBeHidden();
    await expect(row(page, '停车收费').getByTestId('opinion-deadline')).toContainText('2026-11-29 20:00');
    await expect(row(page, '停车收费').getByTestId('opinion-unreported')).toHaveCount(0);
    // The 重大 item keeps the deadline it was saved with.
    await expect(item.getByTestId('opinion-deadline')).toContainText('2026-11-28 09:30');
  });

  test('rules between fields, unsaved changes, Esc and delete', async ({ page, server }) => {
    await page.clock.setFixedTime(new Date('2026-11-27T10:00:00+08:00'));
    const created = await api<Opinion>(server, 'opinions.create', {
      source: '日照新闻网',
      channel: 'website',
      summary: '有网民发帖询问新建学校学区划分方案何时公布',
      topic: '学区划分',
      detectedAt: '2026-11-27T08:00:00+08:00',
      grade: 'general',
    });
    await open(page, server, '/opinions', 'opinions-page');
    const item = row(page, '学区划分方案');
    await expect(item.getByTestId('opinion-deadline')).toContainText('2026-11-30 08:00');
    await expect(item.getByTestId('opinion-time-left')).toHaveText('剩余 70 小时');

    // `/` focuses the search; a Chinese substring narrows the register.
    await page.locator('body').press('/');
    await expect(input(page, 'opinions-search')).toBeFocused();
    await page.keyboard.type('停车');
    await expect(page.getByTestId('opinions-table')).toContainText('没有符合条件的舆情');
    await input(page, 'opinions-search').fill('学区');
    await expect(item).toHaveCount(1);

    await item.getByTestId('opinion-open').click();
    const editor = page.getByTestId('opinion-editor');
    await expect(editor).toBeVisible();
    // 已回应 without the time it was answered, and a report up without its time: the server says
    // which field, the form says it in Chinese.
    await pickOption(page, editor.getByTestId('opinion-status-select'), '已回应');
    await editor.getByTestId('opinion-reported-to').fill('市委宣传部');
    await editor.getByTestId('opinion-save').click();
    await expect(editor.getByText('已回应或已办结的舆情须填写回应时间')).toBeVisible();
    await expect(editor.getByText('上报对象和上报时间须同时填写')).toBeVisible();
    await editor.getByTestId('opinion-link').fill('not-a-link');
    await editor.getByTestId('opinion-save').click();
    await expect(editor.getByText('请填写以 http:// 或 https:// 开头的网址')).toBeVisible();
    await screenshot(page, 'opinions-editor-errors');

    // Esc with unsaved changes asks first; staying keeps them, leaving drops them.
    await editor.getByTestId('opinion-notes').press('Escape');
    const leave = page.getByTestId('opinion-leave-confirm');
    await expect(leave).toBeVisible();
    await page.getByRole('button', { name: '继续编辑' }).click();
    await expect(editor).toBeVisible();
    await expect(editor.getByTestId('opinion-link')).toHaveValue('not-a-link');
    await editor.getByTestId('opinion-cancel').click();
    await leave.click();
    await expect(editor).toBeHidden();
    expect((await api<Opinion>(server, 'opinions.get', { id: created.id })).status).toBe('open');

    // Unchanged: Esc closes at once.
    await item.getByTestId('opinion-open').click();
    await expect(editor).toBeVisible();
    await editor.getByTestId('opinion-summary').press('Escape');
    await expect(editor).toBeHidden();

    await item.getByTestId('opinion-open').click();
    await editor.getByTestId('opinion-delete').click();
    await page.getByTestId('opinion-delete-confirm').click();
    await expect(editor).toBeHidden();
    await expect(item).toHaveCount(0);
    expect(await api<Opinion[]>(server, 'opinions.list', {})).toHaveLength(0);

    await open(page, server, '/dashboard', 'dashboard-page');
    await expect(page.getByTestId('opinion-alerts-none')).toHaveText('暂无超时或未上报的舆情');
    await screenshot(page, 'opinions-dashboard-empty');

    // In English the register and the editor read in English, deadlines included.
    await api(server, 'opinions.create', {
      source: 'Rizhao Release',
      channel: 'weibo',
      summary: '网民询问冬季供暖收费标准',
      detectedAt: '2026-11-27T08:00:00+08:00',
      grade: 'severe',
    });
    await api(server, 'settings.update', { language: 'en-US' });
    await open(page, server, '/opinions', 'opinions-page');
    // The language is read at start-up.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Public opinion register' })).toBeVisible({ timeout: 30_000 });
    // The search typed earlier is kept for the session.
    await input(page, 'opinions-search').fill('');
    const english = row(page, '供暖收费');
    await expect(english.getByTestId('opinion-unreported')).toHaveText('Not reported');
    await expect(english.getByTestId('opinion-time-left')).toHaveText('22 h left');
    await english.getByTestId('opinion-open').click();
    await expect(editor.getByTestId('opinion-deadline-rule')).toHaveText(
      'Severe items are answered within 24 hours of detection',
    );
    await screenshot(page, 'opinions-editor-en');
  });
});
