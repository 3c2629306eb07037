// Each test gets its own browser-mode server on a fresh database in its own temp folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'dist/server.mjs');
const READY = /Press Office \(browser mode\) ready: (\S+)/;

export interface AppServer {
  /** The address with the session token in its fragment. */
  url: string;
  dataDir: string;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(SERVER) || !existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/server.mjs or dist/renderer is missing: run `npm run build` first');
  }
  const child = spawn(process.execPath, [SERVER, '--db', join(dataDir, 'press-office.db')], {
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

export const test = base.extend<{ server: AppServer; app: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'press-office-e2e-'));
    const { child, url } = await startServer(dataDir);
    try {
      await use({ url, dataDir });
    } finally {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  /** The page, opened on the app and showing the register. */
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await page.getByTestId('register-table').waitFor();
    await use(page);
  },
});

export { expect } from '@playwright/test';

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

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'test-results/screenshots', `${name}.png`) });
}
