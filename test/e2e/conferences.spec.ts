// Conferences end to end: plan a quarter, check in, see the quota engine's results on the matrix and
// the dashboard, change attendance after the quarter ended, cancel and postpone, and the calendar.
// The server's clock is set per test (--now) and moved by restarting it on the same data.
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, conferenceRows, expect, pickOption, screenshot, test } from './fixtures';

interface Person {
  id: string;
  name: string;
}
interface Conference {
  id: string;
  date: string;
  title: string;
  status: string;
  departmentIds: string[];
}

async function person(server: AppServer, departmentId: string, name: string, role: string): Promise<Person> {
  return api<Person>(server, 'people.create', { departmentId, name, role, tenureStart: '2025-01-01' });
}

async function open(page: Page, server: AppServer, route: string, testId: string): Promise<void> {
  const origin = new URL(server.url).origin;
  // Already running against this server: the token is in the session, only the route changes.
  await page.goto(page.url().startsWith(origin) ? `${origin}/#${route}` : appUrl(server, route));
  await page.getByTestId(testId).waitFor();
}

async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test.describe('planning a quarter', () => {
  test.use({ now: '2026-01-05T09:00:00+08:00' });
  test.describe.configure({ timeout: 120_000 });

  test('plan Q1, check in, and the matrix and dashboard follow', async ({ page, server }) => {
    test.setTimeout(240_000);
    // 市发改委: head and spokesperson; 市经信委: head, spokesperson and a deputy; 市商务局: a spokesperson only.
    await person(server, 'rizhao-01', '周建国', 'head');
    await person(server, 'rizhao-01', '张明', 'spokesperson');
    await person(server, 'rizhao-02', '刘洋', 'head');
    await person(server, 'rizhao-02', '陈静', 'spokesperson');
    await person(server, 'rizhao-02', '王磊', 'deputy');
    await person(server, 'rizhao-03', '赵敏', 'spokesperson');

    await open(page, server, '/dashboard', 'dashboard-page');
    await expect(page.getByTestId('dashboard-asof')).toContainText('2026-01-05');
    await page.getByTestId('nav-planner').click();
    await expect(page.getByTestId('planner-page')).toBeVisible();
    await pickOption(page, page.getByTestId('planner-quarter'), '第1季度');
    await page.getByTestId('planner-propose').click();

    const proposals = page.getByTestId('planner-proposals').locator('tbody tr.ant-table-row');
    // Planning all 24 departments takes a while on a loaded machine.
    await expect(proposals.first()).toBeVisible({ timeout: 45_000 });
    await expect(proposals.first()).toContainText('2026年第一季度市政府新闻发布会');
    await expect(page.getByTestId('planner-proposals')).toContainText('周建国（主要负责同志）');
    // Departments without people are named with a reason.
    const problems = page.getByTestId('planner-problems');
    await expect(problems.getByTestId('problem-no_responsible_person').filter({ hasText: '市教育局' })).toContainText(
      '没有在任的新闻发言人或相关负责人',
    );
    await expect(problems.getByTestId('problem-no_head').filter({ hasText: '市商务局' })).toBeVisible();
    await screenshot(page, 'planner');

    await page.getByTestId('planner-accept').click();
    await expect(page.getByTestId('planner-accepted')).toBeVisible();

    const planned = await api<Conference[]>(server, 'conferences.list', { status: 'planned' });
    expect(planned.length).toBeGreaterThan(0);
    const dates = planned.map((c) => c.date).sort();
    const first = planned.find((c) => c.date === dates[0]) as Conference;

    await page.getByTestId('nav-conferences').click();
    const rows = conferenceRows(page);
    await expect(rows).toHaveCount(planned.length);
    await expect(rows.first()).toContainText('计划中');
    await screenshot(page, 'conference-list');

    await page.getByTestId('nav-calendar').click();
    await expect(page.getByTestId('calendar-page')).toBeVisible();
    const month = Number(first.date.slice(5, 7));
    for (let m = 1; m < month; m++) await page.getByTestId('calendar-next').click();
    await expect(page.getByTestId(`day-${first.date}`).getByTestId('calendar-conference')).toContainText(
      '市政府新闻发布会',
    );

    // A day after the last accepted conference, still in Q1.
    const after = nextDay(dates[dates.length - 1] as string);
    expect(after <= '2026-03-31').toBe(true);
    await server.restart(`${after}T10:00:00+08:00`);

    const of = (departmentId: string) => planned.find((c) => c.departmentIds.includes(departmentId)) as Conference;
    const table = page.getByTestId('check-in-table');
    const row = (name: string) => table.locator('tr.ant-table-row', { hasText: name });

    // 市发改委: the head came as booked, and the spokesperson with him.
    await open(page, server, `/conferences/${of('rizhao-01').id}`, 'conference-page');
    await page.getByTestId('check-in').click();
    await expect(page.getByTestId('check-in-page')).toBeVisible();
    await expect(row('周建国')).toBeVisible();
    await pickOption(page, page.getByTestId('add-attendee'), '张明', table);
    await expect(row('张明')).toContainText('新闻发言人');
    await page.getByTestId('check-in-save').click();
    await expect(page.getByTestId('conference-status')).toHaveText('已举行');
    await expect(page.getByTestId('attendance-table').locator('tr', { hasText: '张明' })).toContainText('出席');

    // 市经信委: the head could not come; the deputy 王磊 stood in for him.
    await open(page, server, `/conferences/${of('rizhao-02').id}/check-in`, 'check-in-page');
    await row('刘洋').getByTestId('mark-absent').click();
    await pickOption(page, page.getByTestId('add-attendee'), '王磊', table);
    await expect(row('王磊').getByTestId('substitute-for')).toContainText('刘洋');
    await screenshot(page, 'check-in');
    await page.getByTestId('check-in-save').click();
    await expect(page.getByTestId('conference-page')).toBeVisible();
    await expect(page.getByTestId('conference-status')).toHaveText('已举行');
    const attendance = page.getByTestId('attendance-table');
    await expect(attendance.locator('tr', { hasText: '王磊' })).toContainText('刘洋');
    await expect(attendance.locator('tr', { hasText: /^刘洋/ })).toContainText('缺席');
    const target = of('rizhao-02');

    await page.getByTestId('nav-compliance').click();
    await expect(page.getByTestId('compliance-matrix')).toBeVisible();
    await expect(page.getByTestId('cell-rizhao-01-q1')).toHaveAttribute('data-status', 'met');
    await expect(page.getByTestId('cell-rizhao-02-q1')).toHaveAttribute('data-status', 'met');
    await expect(page.getByTestId('cell-rizhao-04-q1')).toHaveAttribute('data-status', 'pending');
    await expect(page.getByTestId('cell-rizhao-01-q2')).toHaveAttribute('data-status', 'upcoming');
    await page.getByTestId('cell-rizhao-02-q1').click();
    await expect(page.getByTestId('compliance-drill').getByTestId('drill-conference').first()).toContainText(
      target.title,
    );
    await screenshot(page, 'matrix');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('compliance-drill')).toBeHidden();

    await page.getByTestId('nav-dashboard').click();
    const atRisk = page.getByTestId('at-risk');
    await expect(atRisk.locator('tr', { hasText: '市教育局' })).toContainText('举办发布会');
    const quarterQuotas = /举办发布会|发言人或负责人出席/;
    await expect(atRisk.locator('tr', { hasText: '市发改委' }).filter({ hasText: quarterQuotas })).toHaveCount(0);
    await expect(atRisk.locator('tr', { hasText: '市经信委' }).filter({ hasText: quarterQuotas })).toHaveCount(0);
    // The conferences whose day has passed without a check-in wait for one; those checked in do not.
    const awaiting = page.getByTestId('awaiting');
    await expect(awaiting.locator('.awaiting-item', { hasText: of('rizhao-04').title })).toContainText(
      '已过日期，尚未登记',
    );
    await expect(awaiting.locator('.awaiting-item', { hasText: target.title })).toHaveCount(0);
    await expect(page.getByTestId('completion-chart')).toBeVisible();
    await screenshot(page, 'dashboard');
  });

  test('cancel needs a reason; postpone links the old and the new conference', async ({ page, server }) => {
    const base = { organizer: 'city', departmentIds: ['rizhao-06'], time: '09:30' };
    const a = await api<Conference>(server, 'conferences.create', {
      ...base,
      title: '民政工作新闻发布会',
      date: '2026-01-20',
    });
    const b = await api<Conference>(server, 'conferences.create', {
      ...base,
      title: '社会救助新闻发布会',
      date: '2026-01-22',
    });

    await open(page, server, `/conferences/${a.id}`, 'conference-page');
    await page.getByTestId('cancel-conference').click();
    const dialog = page.getByTestId('cancel-dialog');
    await dialog.getByTestId('cancel-submit').click();
    await expect(dialog).toContainText('请填写取消原因');
    await dialog.getByTestId('cancel-reason').fill('与市政府常务会议时间冲突');
    await dialog.getByTestId('cancel-reason').press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('conference-status')).toHaveText('已取消');
    await expect(page.getByTestId('cancel-note')).toContainText('与市政府常务会议时间冲突');
    await expect(page.getByTestId('conference-history')).toContainText('与市政府常务会议时间冲突');

    await open(page, server, `/conferences/${b.id}`, 'conference-page');
    await page.getByTestId('postpone-conference').click();
    await fillDate(page, 'postpone-date', '2026-02-03');
    await page.getByTestId('postpone-submit').click();
    await expect(page.getByTestId('postponed-from')).toBeVisible();
    await expect(page.getByTestId('conference-status')).toHaveText('计划中');
    await expect(page).not.toHaveURL(new RegExp(b.id));
    await page.getByTestId('postponed-from').click();
    await expect(page).toHaveURL(new RegExp(`${b.id}$`));
    await expect(page.getByTestId('conference-status')).toHaveText('已取消');
    await expect(page.getByTestId('cancel-note')).toContainText('改期至 2026-02-03');
    await page.getByTestId('postponed-to').click();
    await expect(page.getByTestId('postponed-from')).toBeVisible();

    // The print view has the agenda and the sign-in sheet.
    await page.getByTestId('print-conference').click();
    await expect(page.getByTestId('print-agenda')).toContainText('议程');
    await expect(page.getByTestId('print-sign-in')).toContainText('签到表');
    await screenshot(page, 'print');
  });

  test('the calendar marks the Spring Festival and its make-up working day', async ({ page, server }) => {
    await open(page, server, '/calendar', 'calendar-page');
    await expect(page.getByTestId('calendar-title')).toHaveText('2026年1月');
    await page.getByTestId('calendar-next').click();
    await expect(page.getByTestId('calendar-title')).toHaveText('2026年2月');
    const festival = page.getByTestId('day-2026-02-17');
    await expect(festival).toHaveAttribute('data-kind', 'holiday');
    await expect(festival).toContainText('休');
    await expect(festival).toContainText('春节');
    const makeup = page.getByTestId('day-2026-02-14');
    await expect(makeup).toHaveAttribute('data-kind', 'makeup');
    await expect(makeup).toContainText('班');
    await expect(page.getByTestId('holidays-unknown')).toHaveCount(0);
    await screenshot(page, 'calendar-month');

    // The office can mark a day by hand (context menu on the day).
    await page.getByTestId('day-2026-02-27').click({ button: 'right' });
    await page.getByRole('menuitem', { name: '设为节假日…' }).click();
    await page.getByTestId('override-name').fill('单位调休');
    await page.getByTestId('override-name').press('Enter');
    await expect(page.getByTestId('day-2026-02-27')).toHaveAttribute('data-kind', 'holiday');
    await expect(page.getByTestId('day-2026-02-27')).toContainText('单位调休');

    await page.getByTestId('calendar-view-quarter').click();
    await expect(page.getByTestId('calendar-title')).toHaveText('2026年第1季度');
    await expect(page.getByTestId('calendar-2026-03')).toBeVisible();

    // Settings list the days changed by hand, and one can be put back to the default there.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-calendar').click();
    const table = page.getByTestId('overrides-table');
    await expect(table).toContainText('2026-02-27');
    await expect(table).toContainText('单位调休');
    await table.getByRole('button', { name: '恢复默认' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(table).toContainText('还没有人工调整的日期');
  });
});

test.describe('after the quarter', () => {
  test.use({ now: '2026-03-02T09:00:00+08:00' });
  test.describe.configure({ timeout: 120_000 });

  test('changing attendance after the quarter ended asks for a reason and keeps it', async ({ page, server }) => {
    const spokesperson = await person(server, 'rizhao-05', '孙丽', 'spokesperson');
    const c = await api<Conference>(server, 'conferences.create', {
      title: '平安日照建设新闻发布会',
      date: '2026-02-10',
      organizer: 'city',
      departmentIds: ['rizhao-05'],
      speakers: [{ personId: spokesperson.id, role: 'spokesperson' }],
    });
    await api(server, 'conferences.checkIn', {
      id: c.id,
      attendance: [{ personId: spokesperson.id, role: 'spokesperson', status: 'attended' }],
    });

    await server.restart('2026-04-10T10:00:00+08:00');
    await open(page, server, `/conferences/${c.id}/check-in`, 'check-in-page');
    await expect(page.getByTestId('quarter-ended')).toBeVisible();
    await page.getByTestId('check-in-table').locator('tr', { hasText: '孙丽' }).getByTestId('mark-absent').click();
    await page.getByTestId('check-in-save').click();
    await expect(page.getByTestId('reason-error')).toHaveText('所在季度已结束，请填写修改原因');
    await page.getByTestId('check-in-reason').fill('核对签到表：发言人当日因公出差未出席');
    await page.getByTestId('check-in-save').click();
    await expect(page.getByTestId('conference-page')).toBeVisible();
    await expect(page.getByTestId('conference-history')).toContainText('核对签到表：发言人当日因公出差未出席');
    await expect(page.getByTestId('attendance-table').locator('tr', { hasText: '孙丽' })).toContainText('缺席');

    await open(page, server, '/compliance', 'compliance-page');
    await expect(page.getByTestId('cell-rizhao-05-q1')).toHaveAttribute('data-status', 'missed');
  });
});
