// Performance at a decade's scale, as structure rather than timings (scripts/bench-browser.mjs times them):
// the conference list draws a window of its rows, not all of them, and reaches the last one by scrolling;
// the dashboard, the first page, loads none of the documents or portal code.
import { type AppServer, api, appUrl, conferenceRows, expect, screenshot, test } from './fixtures';

const CONFERENCES = 2000;
/** planner.accept takes at most 200 proposals, each one transaction: 2,000 conferences in 10 calls. */
const BATCH = 200;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Conference n is on day n/4 from 2026-02-01 (four a day), so the list's last row is conference 0. */
async function createConferences(server: AppServer): Promise<void> {
  for (let first = 0; first < CONFERENCES; first += BATCH) {
    const proposals = Array.from({ length: BATCH }, (_, k) => {
      const n = first + k;
      return {
        date: addDays('2026-02-01', Math.floor(n / 4)),
        time: `${String(9 + (n % 4)).padStart(2, '0')}:00`,
        title: `性能测试发布会 ${String(n).padStart(4, '0')}`,
        departmentIds: [`rizhao-${String(1 + (n % 24)).padStart(2, '0')}`],
        speakers: [],
      };
    });
    await api(server, 'planner.accept', { proposals });
  }
}

test.describe('at scale', () => {
  test.use({ now: '2026-01-05T09:00:00+08:00' });

  test('the conference list draws a window of 2,000 conferences and scrolls to the last', async ({ page, server }) => {
    await createConferences(server);
    await page.goto(appUrl(server, '/conferences'));
    // The first visit loads the app and the page's chunk before the first page of rows: allow a busy 2-core runner.
    await expect(page.getByTestId('conference-count')).toHaveText(`共 ${CONFERENCES} 场`, { timeout: 30_000 });
    const rows = conferenceRows(page);
    // Newest first: the first row is the last one created.
    await expect(rows.first()).toContainText(`性能测试发布会 ${CONFERENCES - 1}`);
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    await screenshot(page, 'conference-list-2000');

    const box = page.getByTestId('conference-scroll');
    await box.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = rows.filter({ hasText: '性能测试发布会 0000' });
    await expect(last).toBeVisible();
    // The last row of the list (the elements of the rows are reused in turn, so the page's order is not the
    // list's: the position says which row is which).
    await expect(last).toHaveAttribute('aria-rowindex', String(CONFERENCES + 1));
    expect(await rows.count()).toBeLessThan(100);
    // The page itself does not scroll: the list's box fits the window, its header stays on top.
    expect(await page.locator('html').evaluate((el) => el.scrollTop)).toBe(0);
    await expect(page.getByRole('columnheader', { name: '名称' })).toBeInViewport();
    await screenshot(page, 'conference-list-2000-bottom');

    // Tab goes down the list in its order, across the point where the rows' elements wrap around (the page
    // holds them in the order of their slots: CSS reading-flow), and the list follows the focus.
    // A window whose first row is not in the first slot: rows `drawn` + 10 from the top (OVERSCAN 6, steps of 4).
    await box.evaluate(
      (el, top) => {
        el.scrollTop = top;
      },
      (drawn + 10) * 40,
    );
    const positions = () => rows.evaluateAll((list) => list.map((r) => Number(r.getAttribute('aria-rowindex'))));
    await expect.poll(async () => Math.min(...(await positions()))).toBeGreaterThan(drawn);
    const inPage = await positions();
    expect(inPage).not.toEqual([...inPage].sort((a, b) => a - b));
    const top = Math.min(...inPage);
    await rows
      .and(page.locator(`[aria-rowindex="${top}"]`))
      .getByRole('link')
      .focus();
    const focused = () =>
      page.evaluate<number>('Number(document.activeElement?.closest("[role=row]")?.getAttribute("aria-rowindex"))');
    for (let i = 1; i <= inPage.length + 5; i++) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(top + i);
    }

    // A filter goes to the server and shows its list from the top.
    await page.getByTestId('conference-search').locator('input').fill('性能测试发布会 0001');
    await expect(page.getByTestId('conference-count')).toHaveText('共 1 场');
    await expect(rows).toHaveCount(1);
    // Enter on the focused title opens the conference.
    await rows.first().getByRole('link').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('conference-page')).toBeVisible();
  });
});

test('the dashboard loads none of the documents or portal code', async ({ page, server }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  await page.goto(appUrl(server, '/dashboard'));
  await page.getByTestId('dashboard-asof').waitFor();
  await page.waitForLoadState('networkidle');
  const heavy = /^(document|portal|exchange|library|templates|answers|opinions|assessment)/;
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((name) => heavy.test(name))).toEqual([]);

  // The names checked are the ones the routes' chunks have: opening the pages loads them.
  const before = scripts.length;
  await page.getByTestId('nav-documents').click();
  await page.getByTestId('document-list-page').waitFor();
  await page.getByTestId('nav-portal').click();
  await page.getByTestId('portal-page').waitFor();
  const later = scripts.slice(before);
  expect(later.some((name) => name.startsWith('document-list-page-'))).toBe(true);
  expect(later.some((name) => name.startsWith('portal-page-'))).toBe(true);
});

test("the first screen's data is asked for before the app's code has arrived, and only once", async ({
  page,
  server,
}) => {
  const asked: string[] = [];
  let dashboardAsked: () => void = () => {};
  const dashboardSeen = new Promise<void>((done) => {
    dashboardAsked = done;
  });
  page.on('request', (request) => {
    const method = /\/api\/([^/?]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (!method) return;
    asked.push(method);
    if (method === 'dashboard.get') dashboardAsked();
  });
  // The app's entry is held back until the dashboard has been asked for (at most 15 s): only the early
  // script (renderer/src/early-requests.ts) can ask while it is.
  let heldUntilAsked = false;
  await page.route('**/assets/index-*.js', async (route) => {
    heldUntilAsked = await Promise.race([
      dashboardSeen.then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), 15_000)),
    ]);
    await route.continue();
  });
  await page.goto(appUrl(server, '/dashboard'));
  await page.getByTestId('dashboard-asof').waitFor();
  expect(heldUntilAsked).toBe(true);
  // The app took the early answers instead of asking again.
  expect(asked.filter((m) => m === 'dashboard.get')).toHaveLength(1);
  expect(asked.filter((m) => m === 'settings.get')).toHaveLength(1);
});
