// What the app (Electron or browser mode) does around opening the database: sweep leftovers of
// killed writes, take the automatic backup, and find a good backup when the file cannot be opened.
import { dirname } from 'node:path';
import { sweepTempFiles } from './atomic-file';
import { type BackupInfo, backupIntoFolder, backupsDir, checkDatabaseFile, listBackups } from './backup';
import { loadDocxRenderer } from './docx/load';
import type { OpenedApp } from './open-app';

export interface Maintenance {
  swept: string[];
  backup: BackupInfo | null;
  backupError: string | null;
}

/** Run after the app is up: nothing here may keep the office from working. */
export async function startupMaintenance(app: OpenedApp): Promise<Maintenance> {
  const dbPath = app.ctx.dbPath;
  if (dbPath === ':memory:') return { swept: [], backup: null, backupError: null };
  const swept = [...sweepTempFiles(dirname(dbPath)), ...sweepTempFiles(backupsDir(dbPath))];
  try {
    const backup = await backupIntoFolder(app.client, dbPath, 'auto', app.ctx.now());
    return { swept, backup, backupError: null };
  } catch (err) {
    return { swept, backup: null, backupError: (err as Error).message };
  }
}

/**
 * How long after start-up the maintenance waits: the first screen's requests go first, before the
 * backup starts copying the file (a decade's gigabyte takes seconds of steps on the same thread).
 */
export const MAINTENANCE_DELAY_MS = 5_000;

/** Runs `startupMaintenance` after the delay; returns what cancels it (the app quitting first). */
export function scheduleStartupMaintenance(
  app: OpenedApp,
  report: (m: Maintenance) => void,
  delayMs = MAINTENANCE_DELAY_MS,
): () => void {
  const timer = setTimeout(() => {
    // The .docx renderer is not needed for the first screen (docx/load.ts): loaded now, ahead of any approval.
    // A failure to load shows where it is needed (an export names it); here it is only a head start.
    void loadDocxRenderer().catch(() => {});
    void startupMaintenance(app).then(report);
  }, delayMs);
  return () => clearTimeout(timer);
}

/**
 * Loads the handlers (browser mode starts without them) and answers the first screen's question (the
 * dashboard) once, as soon as the app is up and before any window asks for it: the window spends the next
 * second loading its code. The answer is kept for the window's own `dashboard.get` (dispatch.ts
 * `answerAhead`: handed over if nothing was written since and it is a few seconds old at most, else
 * computed again, on a cache this run has filled and statements it has prepared; docs/performance.md).
 * Returns what cancels it, if it has not run yet.
 */
export function warmFirstScreen(app: OpenedApp): () => void {
  let cancelled = false;
  const pending = setImmediate(() => {
    // A failure here is the same failure the window's own request will meet and show.
    void import('./dispatch')
      .then(({ answerAhead }) => {
        if (!cancelled) void answerAhead(app.ctx, 'dashboard.get', {});
      })
      .catch(() => {});
  });
  return () => {
    cancelled = true;
    clearImmediate(pending);
  };
}

/** The newest backup beside the database that passes a full check, or null. */
export function latestGoodBackup(dbPath: string): BackupInfo | null {
  for (const b of listBackups(dbPath)) {
    try {
      checkDatabaseFile(b.path);
      return b;
    } catch {
      // damaged or foreign: try the next older one
    }
  }
  return null;
}
