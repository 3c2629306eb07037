// Backups with SQLite's online backup API (never a file copy of a live database), checked with
// integrity_check, kept in rotation; restore checks first, keeps the current file aside, and can be undone.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { AppError } from '../common/result';
import { BACKUP_NAME_RE, type BackupKind, backupFileName, backupStamp, backupsDir } from '../db/backup-names';
import { defaultMigrationsFolder, probeFile } from '../db/open';

export { type BackupKind, backupsDir };

import { commitTemp, fsyncFolder, tempPathFor } from './atomic-file';

export interface BackupInfo {
  path: string;
  name: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

/** Kept in rotation: the newest automatic backup of each of the last 7 days and of the last 4 weeks. */
export const ROTATION = { daily: 7, weekly: 4 } as const;

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: BACKUP_NAME_RE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const s = m[1] as string;
      const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      const path = join(dir, name);
      // Several backups in one second are numbered -2, -3 …: the higher number is the newer.
      const seq = Number(m[2] ?? 1);
      return { path, name, kind: m[3] as BackupKind, createdAt, bytes: statSync(path).size, seq };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq)
    .map(({ seq: _seq, ...info }) => info);
}

/** Checks a database file fully: it must be a Press Office database that passes integrity_check. */
export function checkDatabaseFile(path: string, migrationsFolder = defaultMigrationsFolder()): void {
  probeFile(path, readMigrationFiles({ migrationsFolder }).length);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('invalid_file', `${path}: integrity_check failed (${String(result)})`);
  } finally {
    db.close();
  }
}

// The integrity check of a decade's file reads all of it (seconds): in a worker thread, so the app
// answers meanwhile (the automatic backup runs just after start-up). CommonJS, evaluated by Node.
const INTEGRITY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ result: String(db.pragma('integrity_check', { simple: true })) });
} catch (err) {
  parentPort.postMessage({ error: String(err && err.message) });
} finally {
  if (db) db.close();
}`;

function integrityCheckInWorker(path: string): Promise<string> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(INTEGRITY_WORKER, { eval: true, workerData: { driver, path } });
    let answered = false;
    worker.once('message', (m: { result?: string; error?: string }) => {
      answered = true;
      if (m.result === undefined) reject(new Error(m.error));
      else resolve(m.result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`integrity check worker exited with code ${code}`));
    });
  });
}

/**
 * `checkDatabaseFile` with the full check in a worker thread. Where the worker cannot answer (a
 * packaging that does not let it load the driver, a file it cannot open), the check runs here
 * instead, with its own messages: slower to answer, never skipped.
 */
export async function checkDatabaseFileOffThread(path: string): Promise<void> {
  probeFile(path, readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() }).length);
  let result: string;
  try {
    result = await integrityCheckInWorker(path);
  } catch {
    checkDatabaseFile(path);
    return;
  }
  if (result !== 'ok') throw new AppError('invalid_file', `${path}: integrity_check failed (${result})`);
}

/**
 * Makes a fresh copy self-contained: out of WAL mode (the backup API copies the source's journal
 * mode), so that opening it later, even read-only, leaves no -wal/-shm files beside it.
 */
function settleCopy(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the open database to `out` with the online backup API, checks it,
 * and only then moves it into place.
 */
export async function backupTo(client: Database.Database, out: string): Promise<void> {
  mkdirSync(dirname(out), { recursive: true });
  const temp = tempPathFor(out);
  try {
    await client.backup(temp);
    settleCopy(temp);
    await checkDatabaseFileOffThread(temp);
    commitTemp(temp, out);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('internal', `backup to ${out} failed: ${(err as Error).message}`);
  }
}

/** A backup into the backups folder beside the database, then the rotation. */
export async function backupIntoFolder(
  client: Database.Database,
  dbPath: string,
  kind: BackupKind,
  now: Date,
): Promise<BackupInfo> {
  const dir = backupsDir(dbPath);
  let name = backupFileName(now, kind);
  for (let n = 2; existsSync(join(dir, name)); n++) name = backupFileName(now, kind, n);
  const path = join(dir, name);
  await backupTo(client, path);
  pruneBackups(dbPath);
  const info = listBackups(dbPath).find((b) => b.path === path);
  if (!info) throw new AppError('internal', `backup ${path} vanished after writing`);
  return info;
}

function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / 86_400_000 / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Which automatic backups the rotation keeps; other kinds are never pruned. */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const keep = new Set<string>();
  const auto = backups.filter((b) => b.kind === 'auto').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of auto) {
    const day = b.createdAt.slice(0, 10);
    if (!days.has(day) && days.size < ROTATION.daily) {
      days.add(day);
      keep.add(b.path);
    }
    const week = isoWeek(day);
    if (!weeks.has(week) && weeks.size < ROTATION.weekly) {
      weeks.add(week);
      keep.add(b.path);
    }
  }
  for (const b of backups) if (b.kind !== 'auto') keep.add(b.path);
  return keep;
}

export function pruneBackups(dbPath: string): string[] {
  const all = listBackups(dbPath);
  const keep = backupsToKeep(all);
  const removed = all.filter((b) => !keep.has(b.path)).map((b) => b.path);
  for (const path of removed) rmSync(path, { force: true });
  if (removed.length) fsyncFolder(backupsDir(dbPath));
  return removed;
}

/**
 * Replaces the database file with a checked backup. The database must be closed. The current
 * file is kept aside (returned), so the restore can be undone by restoring that file.
 */
export async function restoreFile(dbPath: string, from: string, now: Date): Promise<{ asidePath: string | null }> {
  checkDatabaseFile(from);
  const copyTemp = tempPathFor(dbPath);
  // Copy through SQLite so that a backup in WAL mode arrives whole.
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copyTemp);
    source.close();
    settleCopy(copyTemp);
    checkDatabaseFile(copyTemp);
    let asidePath: string | null = null;
    if (existsSync(dbPath)) {
      asidePath = join(dirname(dbPath), `${basename(dbPath)}.before-restore-${backupStamp(now)}`);
      renameSync(dbPath, asidePath);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, asidePath + suffix);
      }
    }
    try {
      commitTemp(copyTemp, dbPath);
    } catch (err) {
      // Put the current database back where it was: a failed restore must not lose it.
      if (asidePath && !existsSync(dbPath)) {
        renameSync(asidePath, dbPath);
        for (const suffix of ['-wal', '-shm']) {
          if (existsSync(asidePath + suffix)) renameSync(asidePath + suffix, dbPath + suffix);
        }
      }
      throw err;
    }
    return { asidePath };
  } catch (err) {
    if (source.open) source.close();
    rmSync(copyTemp, { force: true });
    throw err instanceof AppError
      ? err
      : new AppError('internal', `restore from ${from} failed: ${(err as Error).message}`);
  }
}
