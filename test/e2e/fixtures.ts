// Each test gets its own browser-mode server on a fresh database in its own temp folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'dist/server.mjs');
const READY = /Press Office \(browser mode\) ready: (\S+)/;

export interface AppServer {
  /** The address with the session token in its fragment (it changes on a restart). */
  url: string;
  dataDir: string;
  /** Stops the server and starts it again on the same database, its clock starting at `now`. */
  restart: (now?: string) => Promise<void>;
}

function startServer(dataDir: string, now?: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(SERVER) || !existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/server.mjs or dist/renderer is missing: run `npm run build` first');
  }
  const args = [SERVER, '--db', join(dataDir, 'press-office.db'), ...(now ? ['--now', now] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in 15 s:\n${out}${err}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${out}${err}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

/** The app's address opened at a route (`#/register`), the session token after it. */
export function appUrl(server: AppServer, route: string): string {
  const url = new URL(server.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  return `${url.origin}/#${route}&token=${encodeURIComponent(token)}`;
}

export const test = base.extend<{ now: string | undefined; server: AppServer; app: Page }>({
  /** The instant the server's clock starts at (`--now`); undefined for the real clock. */
  now: [undefined, { option: true }],
  server: async ({ now }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'press-office-e2e-'));
    let running = await startServer(dataDir, now);
    const server: AppServer = {
      url: running.url,
      dataDir,
      restart: async (next) => {
        await stopServer(running.child);
        running = await startServer(dataDir, next);
        server.url = running.url;
      },
    };
    try {
      await use(server);
    } finally {
      await stopServer(running.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  /** Every page starts with the operator confirmed for the session, so the who-is-working question
   *  (renderer/src/components/user-picker.tsx) does not cover the app; admin.spec.ts opens its own page. */
  page: async ({ page }, use) => {
    await page.addInitScript({ content: "window.sessionStorage.setItem('press-office.userConfirmed', '1');" });
    await use(page);
  },
  /** The page, opened on the app and showing the register. */
  app: async ({ page, server }, use) => {
    await page.goto(appUrl(server, '/register'));
    await page.getByTestId('register-table').waitFor();
    await use(page);
  },
});

export { expect };

/** Calls the API directly (setup for a test), as the browser-mode client does. */
export async function api<T>(server: AppServer, method: string, input: unknown): Promise<T> {
  const url = new URL(server.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const res = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-press-office-token': token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

/** What the wait reads of the page's `Animation`s (the e2e code is typed without the DOM's library). */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

/**
 * Saves a screenshot of the settled page: the transitions and animations that end (antd's openings and
 * closings) are waited out, then Playwright finishes any that are left. Running animations are asked of the
 * page rather than read off antd's `-active` classes: when a `transitionend` is lost under load, rc-motion
 * can leave such a class on an element whose transition has long finished (a CI run waited 10 s on one).
 */
/** The conference list's rows that show a conference (not a placeholder), in the page's order (their slots'). */
export function conferenceRows(page: Page): Locator {
  return page.getByTestId('conference-table').locator('.conference-body .conference-row:not(.conference-placeholder)');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // A function, not a string: the app's CSP (script-src 'self') refuses to evaluate a string.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.screenshot({ path: join(ROOT, 'test-results/screenshots', `${name}.png`), animations: 'disabled' });
}

/**
 * Picks the option showing `text` from an antd Select, then waits for `shown` (the select itself
 * unless the pick shows elsewhere, as an "add" picker's new row) to show it. Under load the popup
 * can realign between Playwright's stability check and its click, so the click misses and the
 * popup closes (seen in CI, documents.spec): a pick that did not take is made again. A single
 * select's popup is then waited out, so what follows (a screenshot, a click) sees the settled page.
 */
export async function pickOption(page: Page, select: Locator, text: string, shown: Locator = select): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0 && (await shown.filter({ hasText: text }).count()) > 0) return;
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 5_000 });
    await expect(shown).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  if (!(await select.evaluate((el) => el.classList.contains('ant-select-multiple')))) {
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  }
}
