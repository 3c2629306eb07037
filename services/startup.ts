// What the app (Electron or browser mode) does around opening the database: sweep leftovers of
// killed writes, take the automatic backup, and find a good backup when the file cannot be opened.
import { dirname } from 'node:path';
import { sweepTempFiles } from './atomic-file';
import { type BackupInfo, backupIntoFolder, backupsDir, checkDatabaseFile, listBackups } from './backup';
import type { OpenedApp } from './open-app';
import { prerenderPortalFiles } from './portal/renders';

export interface Maintenance {
  swept: string[];
  backup: BackupInfo | null;
  backupError: string | null;
  /** Portal documents whose .docx was rendered and stored now (none stored yet, or out of date). */
  prerendered: number;
  prerenderError: string | null;
}

/**
 * Documents per slice of the background pre-render: about 5 ms each, so the app stays responsive
 * between slices while a database from an older version (or an import) gets its portal files.
 */
const PRERENDER_SLICE = 8;

/** Run after the app is up: nothing here may keep the office from working. */
export async function startupMaintenance(app: OpenedApp): Promise<Maintenance> {
  const dbPath = app.ctx.dbPath;
  if (dbPath === ':memory:')
    return { swept: [], backup: null, backupError: null, prerendered: 0, prerenderError: null };
  const swept = [...sweepTempFiles(dirname(dbPath)), ...sweepTempFiles(backupsDir(dbPath))];
  let backup: BackupInfo | null = null;
  let backupError: string | null = null;
  try {
    backup = await backupIntoFolder(app.client, dbPath, 'auto', app.ctx.now());
  } catch (err) {
    backupError = (err as Error).message;
  }
  // After the backup: the next portal export then only reads stored files.
  let prerendered = 0;
  let prerenderError: string | null = null;
  try {
    prerendered = (await prerenderPortalFiles(app.ctx, undefined, { page: PRERENDER_SLICE })).rendered;
  } catch (err) {
    // The app closed meanwhile (quit within the first minute): what was stored stays, the rest waits.
    if (app.client.open) prerenderError = (err as Error).message;
  }
  return { swept, backup, backupError, prerendered, prerenderError };
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
  const timer = setTimeout(() => void startupMaintenance(app).then(report), delayMs);
  return () => clearTimeout(timer);
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
