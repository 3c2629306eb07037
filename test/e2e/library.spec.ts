// The answer library (口径库), the templates (文稿模板) and the office's particulars (发文设置), end to
// end in browser mode. The server's clock is set per test where dates matter (--now) and moved by
// restarting it on the same data.
import type { Page } from '@playwright/test';
import { type AppServer, api, appUrl, expect, pickOption, screenshot, test } from './fixtures';

interface Answer {
  id: string;
}
interface Template {
  id: string;
  name: string;
}

async function open(page: Page, server: AppServer, route: string, testId: string): Promise<void> {
  const origin = new URL(server.url).origin;
  // Already running against this server: the token is in the session, only the route changes.
  await page.goto(page.url().startsWith(origin) ? `${origin}/#${route}` : appUrl(server, route));
  await page.getByTestId(testId).waitFor();
}

const answerRows = (page: Page) => page.getByTestId('answers-table').locator('tbody tr.ant-table-row');

test('add an answer in the UI, find it by a Chinese substring and mark it reviewed', async ({ page, server }) => {
  // Generous: antd renders slowly on a loaded machine.
  test.setTimeout(180_000);
  await api(server, 'settings.update', { userName: '王秀英' });
  await api<Answer>(server, 'answers.create', {
    question: '城乡居民医保报销比例今年是否提高？',
    answer: '今年城乡居民医保政策范围内住院费用报销比例提高到70%左右。',
    departmentId: 'rizhao-01',
    topic: '民生保障',
    tags: ['医保'],
  });
  await open(page, server, '/answers', 'answers-page');
  await expect(answerRows(page)).toHaveCount(1);

  await page.getByTestId('answer-add').click();
  const form = page.getByTestId('answer-form');
  await expect(form).toBeVisible();
  // Nothing filled in: refused, in Chinese, on the fields.
  await form.getByTestId('form-submit').click();
  await expect(form.getByText('请填写问题')).toBeVisible();
  await form.getByTestId('answer-question').fill('今年城镇老旧小区改造计划完成多少个？进展如何？');
  await form
    .getByTestId('answer-answer')
    .fill('今年全市计划改造城镇老旧小区120个，涉及居民1.8万户。截至目前，已开工98个，开工率81.7%，年底前全部完工。');
  await pickOption(page, form.getByTestId('answer-department'), '市发改委');
  await form.getByTestId('answer-topic').locator('input').fill('城市更新');
  await form.getByTestId('answer-tags').locator('input').fill('老旧小区');
  await form.getByTestId('answer-tags').locator('input').press('Enter');
  await form.getByTestId('answer-tags').locator('input').fill('住房，');
  await expect(form.getByTestId('answer-tags')).toContainText('住房');
  await screenshot(page, 'answer-form');
  await form.getByTestId('form-submit').click();
  await expect(form).toBeHidden();
  await expect(answerRows(page)).toHaveCount(2);
  await expect(page.getByTestId('answers-count')).toHaveText('共 2 条，其中 0 条待复核');

  // `/` focuses the search; a Chinese substring of the question finds it.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  const search = page.getByTestId('answers-search').locator('input');
  await expect(search).toBeFocused();
  await page.keyboard.type('老旧小区');
  await expect(answerRows(page)).toHaveCount(1);
  const row = answerRows(page).first();
  await expect(row).toContainText('今年城镇老旧小区改造计划完成多少个');
  await expect(row).toContainText('市发改委');
  await expect(row).toContainText('城市更新');
  await expect(row).toContainText('老旧小区');
  await expect(row).toContainText('住房');
  await expect(row.getByTestId('answer-review')).toContainText('未复核');
  await expect(page.getByTestId('answers-count')).toHaveText('共 1 条，其中 0 条待复核');
  // A substring of the answer finds it too.
  await search.fill('开工率');
  await expect(answerRows(page)).toHaveCount(1);

  await row.getByTestId('answer-mark-reviewed').click();
  await expect(page.getByText(/^已标记复核，有效期至 \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(row.getByTestId('answer-review')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(row.getByTestId('answer-review')).toContainText('王秀英');

  await search.fill('');
  await expect(answerRows(page)).toHaveCount(2);
  await screenshot(page, 'answers');
});

test('editing an answer keeps its versions; archive and restore are confirmed', async ({ page, server }) => {
  // Generous: antd renders slowly on a loaded machine.
  test.setTimeout(180_000);
  await api(server, 'settings.update', { userName: '王秀英' });
  await api<Answer>(server, 'answers.create', {
    question: '今年城镇老旧小区改造计划完成多少个？进展如何？',
    answer:
      '今年全市计划改造城镇老旧小区120个，涉及居民1.8万户。截至目前，已开工98个，开工率81.7%，年底前全部完工。各区县将同步推进加装电梯、雨污分流和停车设施改造，改造方案均征求了居民意见。',
    departmentId: 'rizhao-01',
    topic: '城市更新',
    tags: ['老旧小区'],
  });
  await open(page, server, '/answers', 'answers-page');
  const row = answerRows(page).first();
  // A long answer is cut to two lines and expands in place.
  await expect(row).not.toContainText('停车设施改造');
  await row.getByText('展开').click();
  await expect(row).toContainText('停车设施改造');

  await row.getByTestId('answer-edit').click();
  const form = page.getByTestId('answer-form');
  await expect(form.getByTestId('answer-answer')).toHaveValue(/已开工98个/);
  await expect(form).toContainText('当前为第 1 版');
  await form
    .getByTestId('answer-answer')
    .fill('今年全市计划改造城镇老旧小区120个。截至目前，已开工105个，开工率87.5%。');
  await form.getByTestId('form-submit').click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('已开工105个');

  await row.getByTestId('answer-history').click();
  const drawer = page.getByTestId('answer-versions');
  await expect(drawer.getByTestId('answer-version')).toHaveCount(2);
  await expect(drawer.getByTestId('answer-version').first()).toContainText('第 2 版');
  await expect(drawer.getByTestId('answer-version').first()).toContainText('王秀英');
  const diff = drawer.getByTestId('answer-diff');
  await expect(diff.locator('.library-diff-remove')).toContainText('已开工98个');
  await expect(diff.locator('.library-diff-add')).toContainText('已开工105个');
  await screenshot(page, 'answer-versions');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Archive (confirmed): it leaves the list, and comes back under 显示已归档.
  await row.getByTestId('answer-archive').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '归档' }).click();
  await expect(answerRows(page)).toHaveCount(0);
  await page.getByTestId('answers-filter-archived').click();
  await expect(answerRows(page)).toHaveCount(1);
  await expect(answerRows(page).first()).toContainText('已归档');
  await answerRows(page).first().getByTestId('answer-restore').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复' }).click();
  await expect(answerRows(page).first()).not.toContainText('已归档');
});

test.describe('with the clock set', () => {
  test.use({ now: '2026-01-05T09:00:00+08:00' });

  test('an answer not reviewed for 90 days is marked 待复核 until reviewed', async ({ page, server }) => {
    await api(server, 'settings.update', { userName: '王秀英' });
    await api<Answer>(server, 'answers.create', {
      question: '春节期间城区烟花爆竹燃放有什么规定？',
      answer: '城区范围内全年禁止燃放烟花爆竹，春节期间不设例外。',
      departmentId: 'rizhao-05',
      topic: '城市管理',
      tags: ['春节', '安全'],
    });
    await api<Answer>(server, 'answers.create', {
      question: '今年一季度全市接待游客人数是多少？',
      answer: '一季度全市接待游客约560万人次，同比增长8.3%。',
      topic: '文化旅游',
    });
    // 105 days later: both are past 90 days; the second is reviewed on that day.
    await server.restart('2026-04-20T10:00:00+08:00');
    const listed = await api<{ id: string; question: string; stale: boolean }[]>(server, 'answers.list', {});
    expect(listed.map((a) => a.stale)).toEqual([true, true]);
    const tourism = listed.find((a) => a.question.includes('游客'));
    await api(server, 'answers.review', { id: tourism?.id });

    await open(page, server, '/answers', 'answers-page');
    await expect(answerRows(page)).toHaveCount(2);
    await expect(page.getByTestId('answers-count')).toHaveText('共 2 条，其中 1 条待复核');
    const stale = answerRows(page).filter({ hasText: '烟花爆竹' });
    await expect(stale.getByTestId('answer-stale')).toHaveText('待复核');
    await expect(answerRows(page).filter({ hasText: '游客' }).getByTestId('answer-stale')).toHaveCount(0);
    await expect(answerRows(page).filter({ hasText: '游客' }).getByTestId('answer-review')).toContainText('2026-04-20');

    await page.getByTestId('answers-filter-stale').click();
    await expect(answerRows(page)).toHaveCount(1);
    await expect(answerRows(page).first()).toContainText('烟花爆竹');
    await screenshot(page, 'answers-stale');

    await stale.getByTestId('answer-mark-reviewed').click();
    await expect(page.getByText('已标记复核，有效期至 2026-07-19')).toBeVisible();
    await expect(answerRows(page)).toHaveCount(0);
    await page.getByTestId('answers-filter-stale').click();
    await expect(page.getByTestId('answers-count')).toHaveText('共 2 条，其中 0 条待复核');
    await expect(answerRows(page).filter({ hasText: '烟花爆竹' }).getByTestId('answer-review')).toContainText(
      '2026-04-20',
    );
  });

  test('copy a built-in template, fix an unknown placeholder, save and preview it with a conference', async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000);
    await api(server, 'conferences.create', {
      organizer: 'city',
      title: '2026年第一季度市政府新闻发布会',
      date: '2026-03-10',
      time: '09:30',
      venue: '市级新闻发布厅',
      departmentIds: ['rizhao-01'],
      topics: ['经济社会发展运行'],
    });
    await open(page, server, '/templates', 'templates-page');
    for (const kind of ['opening', 'qa', 'release', 'interpretation', 'notice', 'agenda', 'transcript', 'circular']) {
      await expect(page.getByTestId(`template-kind-${kind}`).getByTestId('template-builtin')).toHaveText(
        '内置（只读）',
      );
    }
    await expect(page.getByTestId('template-kind-compliance')).toContainText('达标情况表');
    await screenshot(page, 'templates');

    // A built-in opens read-only.
    const notice = page.getByTestId('template-kind-notice');
    await notice.getByTestId('template-view').click();
    const editor = page.getByTestId('template-editor');
    await expect(editor).toContainText('查看模板：会议通知');
    await expect(editor.getByTestId('template-body')).toHaveAttribute('readonly', '');
    await expect(editor.getByTestId('template-save')).toHaveCount(0);
    await screenshot(page, 'template-builtin');
    await editor.getByTestId('template-copy').click();
    await expect(page.getByText('已复制为本办模板“会议通知（副本）”，可以修改了')).toBeVisible();
    await expect(editor).toContainText('编辑模板：会议通知（副本）');
    await expect(editor.getByTestId('template-name')).toHaveValue('会议通知（副本）');

    // A typo in a placeholder is named with its line as it is typed; save is refused.
    const body = editor.getByTestId('template-body');
    await body.click();
    await body.press('Control+End');
    await page.keyboard.type('\n\n发布会名称：{{conference.titel}}');
    const value = await body.inputValue();
    const line = value.split('\n').length;
    const issues = editor.getByTestId('template-body-issues');
    await expect(issues).toHaveText(`第${line}行：未知占位符 {{conference.titel}}，是否为 {{conference.title}}？`);
    const save = editor.getByTestId('template-save');
    await expect(save).toBeDisabled();
    await page.keyboard.press('Control+s');
    await expect(page.getByText('还有 1 处错误，请修正后再保存')).toBeVisible();
    await editor.getByTestId('template-name').fill('会议通知（本办）');
    await screenshot(page, 'template-error');
    // The server refuses it as well, naming the line.
    const copies = (await api<(Template & { builtin: boolean })[]>(server, 'templates.list', {})).filter(
      (t) => !t.builtin,
    );
    expect(copies).toHaveLength(1);
    const copyId = copies[0]?.id as string;
    await expect(
      api(server, 'templates.update', {
        id: copyId,
        fields: { kind: 'notice', name: '会议通知（本办）', title: '通知', body: value },
      }),
    ).rejects.toThrow(`line ${line}: unknown placeholder {{conference.titel}}`);

    // Clicking the issue selects the typo; the insert menu replaces it with the right key.
    await issues.getByRole('button').click();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('发布会名称');
    await page.locator('.ant-select-dropdown:visible').getByTestId('placeholder-conference.title').click();
    await expect(body).toHaveValue(/发布会名称：\{\{conference\.title\}\}$/);
    await expect(issues).toHaveCount(0);
    await expect(save).toBeEnabled();
    await save.click();
    await expect(page.getByText('模板已保存')).toBeVisible();
    await expect(editor.getByTestId('template-dirty')).toHaveCount(0);
    await expect(editor).toContainText('编辑模板：会议通知（本办）');

    // The preview fills it from a conference; what has no value is marked and listed.
    const preview = editor.getByTestId('template-preview');
    await expect(preview.getByTestId('preview-title')).toHaveText('关于召开【待填：发布会名称】的通知');
    await pickOption(page, preview.getByTestId('preview-conference'), '2026年第一季度市政府新闻发布会');
    await expect(preview.getByTestId('preview-title')).toHaveText('关于召开2026年第一季度市政府新闻发布会的通知');
    await expect(preview.getByTestId('preview-body')).toContainText(
      '定于2026年3月10日召开2026年第一季度市政府新闻发布会',
    );
    await expect(preview.getByTestId('preview-body')).toContainText('市级新闻发布厅');
    await expect(preview.getByTestId('preview-body')).toContainText('日照市人民政府新闻办公室');
    await expect(preview.getByTestId('preview-body')).toContainText('发布会名称：2026年第一季度市政府新闻发布会');
    await expect(preview.getByTestId('preview-missing')).toContainText('发布人名单');
    await expect(preview.getByTestId('preview-missing-mark').first()).toBeVisible();
    await screenshot(page, 'template-editor');

    // Back to the list: the copy is listed under its kind, editable and deletable.
    await editor.getByTestId('template-back').click();
    const own = notice.getByTestId('template-row').filter({ hasText: '会议通知（本办）' });
    await expect(own).toContainText('本办模板');
    await expect(own).toContainText('复制自“会议通知”');
    await expect(own.getByTestId('template-edit')).toBeVisible();
    await own.getByTestId('template-remove').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '删除' }).click();
    await expect(page.getByText('已删除模板“会议通知（本办）”')).toBeVisible();
    await expect(notice.getByTestId('template-row')).toHaveCount(1);
  });

  test('the office name set in 发文设置 fills {{office.name}} in a template preview', async ({ page, server }) => {
    const copy = await api<Template>(server, 'templates.copy', { id: 'notice', name: '会议通知（本办）' });
    await open(page, server, '/settings', 'settings-page');
    await page.getByTestId('tab-office').click();
    const panel = page.getByTestId('office-panel');
    await expect(panel.getByTestId('office-name')).toHaveValue('日照市人民政府新闻办公室');
    await expect(panel.getByTestId('office-docPrefix')).toHaveValue('日新办');
    // The export folder is empty: the default is shown.
    await expect(panel.getByTestId('office-exportDir')).toHaveValue('');
    await expect(panel.getByTestId('office-exportDir')).toHaveAttribute('placeholder', /^默认：.*exports$/);

    // The name is required.
    await panel.getByTestId('office-name').fill('');
    await panel.getByTestId('office-save').click();
    await expect(panel.getByText('请填写发布机构名称')).toBeVisible();
    await panel.getByTestId('office-name').fill('日照市人民政府新闻办公室（市政府新闻发布中心）');
    await panel.getByTestId('office-signature').fill('日照市人民政府新闻办公室');
    await panel.getByTestId('office-save').click();
    await expect(page.getByText('发文设置已保存')).toBeVisible();
    await screenshot(page, 'settings-office');

    await page.getByTestId('nav-templates').click();
    await page
      .getByTestId('template-kind-notice')
      .getByTestId('template-row')
      .filter({ hasText: copy.name })
      .getByTestId('template-edit')
      .click();
    const editor = page.getByTestId('template-editor');
    // Insert {{office.name}} at the start of the title with the menu.
    const title = editor.getByTestId('template-title');
    await title.click();
    await title.press('Home');
    await editor.getByTestId('placeholder-menu').click();
    await page.keyboard.type('本机关名称');
    await page.keyboard.press('Enter');
    await expect(title).toHaveValue('{{office.name}}关于召开{{conference.title}}的通知');
    await expect(editor.getByTestId('template-preview').getByTestId('preview-title')).toHaveText(
      '日照市人民政府新闻办公室（市政府新闻发布中心）关于召开【待填：发布会名称】的通知',
    );
    await expect(editor.getByTestId('template-preview').getByTestId('preview-body')).toContainText(
      '报送日照市人民政府新闻办公室（市政府新闻发布中心）',
    );
  });
});
