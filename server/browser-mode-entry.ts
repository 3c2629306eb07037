// `node dist/server.mjs [--db FILE] [--port N] [--open]`: runs the app in browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp } from '../services/open-app';
import { resolveDbPath } from '../services/paths';
import { latestGoodBackup, scheduleStartupMaintenance, warmFirstScreen } from '../services/startup';
import { startBrowserServer } from './browser-mode';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function openAppWindow(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const browser = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!hasDisplay || !browser) {
    console.log('No display or Chromium found: open the address above in Chrome or Chromium.');
    return;
  }
  const child = spawn(browser, [`--app=${url}`, '--window-size=1280,800', '--no-first-run'], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      // Testing aid: start the clock at this instant (ISO 8601); it then runs normally.
      now: { type: 'string' },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = values['renderer-dir'] ?? join(here, 'renderer');
  let now: (() => Date) | undefined;
  if (values.now) {
    const start = Date.parse(values.now);
    if (Number.isNaN(start)) throw new Error(`--now: "${values.now}" is not an ISO 8601 date and time`);
    const offset = start - Date.now();
    now = () => new Date(Date.now() + offset);
  }
  const dbPath = resolveDbPath(values.db);
  let app: ReturnType<typeof openApp>;
  try {
    app = openApp(dbPath, { mode: 'browser', ...(now ? { now } : {}) });
  } catch (err) {
    const backup = latestGoodBackup(dbPath);
    const offer = backup
      ? `\nThe latest good backup is ${backup.path} (${backup.createdAt}). To restore it (the current file is kept aside):\n  npx press-office restore "${backup.path}" --db "${dbPath}"`
      : '';
    throw new Error(`${(err as Error).message}${offer}`);
  }
  const srv = await startBrowserServer({ ctx: app.ctx, rendererDir, port: values.port ? Number(values.port) : 0 });
  console.log(`Press Office (browser mode) database: ${app.ctx.dbPath}`);
  console.log(`Press Office (browser mode) ready: ${srv.url}`);
  if (values.open) openAppWindow(srv.url);
  const cancelWarm = warmFirstScreen(app);
  const cancelMaintenance = scheduleStartupMaintenance(app, (m) => {
    for (const path of m.swept) console.log(`Removed the leftover of an interrupted write: ${path}`);
    if (m.backupError) console.error(`press-office: automatic backup failed: ${m.backupError}`);
  });

  const stop = async () => {
    cancelWarm();
    cancelMaintenance();
    await srv.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`press-office: ${(err as Error).message}`);
  process.exit(1);
});
