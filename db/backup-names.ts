// Names of backup files, shared by the pre-migration backup (db/open.ts) and the backup service.
import { dirname, join } from 'node:path';

export type BackupKind = 'auto' | 'manual' | 'import' | 'pre-migration' | 'pre-restore';

export const BACKUP_NAME_RE =
  /^press-office-(\d{8}T\d{6}Z)(?:-(\d+))?-(auto|manual|import|pre-migration|pre-restore)\.db$/;

export function backupsDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** 2026-11-27T04:15:00.123Z → 20261127T041500Z */
export function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export function backupFileName(now: Date, kind: BackupKind, n = 1): string {
  return `press-office-${backupStamp(now)}${n > 1 ? `-${n}` : ''}-${kind}.db`;
}
