// Backups as the app's settings page uses them: list, back up now, restore one by name.
import { join } from 'node:path';
import { AppError } from '../common/result';
import type { BackupView } from '../common/types';
import { recordAudit } from '../db/queries/audit';
import { backupIntoFolder, backupsDir, listBackups } from './backup';
import { makeStamp, type ServiceContext } from './context';
import { currentActor } from './settings';

function view(b: { name: string; kind: BackupView['kind']; createdAt: string; bytes: number }): BackupView {
  return { name: b.name, kind: b.kind, createdAt: b.createdAt, bytes: b.bytes };
}

export function backupViews(ctx: ServiceContext): BackupView[] {
  if (ctx.dbPath === ':memory:') return [];
  return listBackups(ctx.dbPath).map(view);
}

export async function createManualBackup(ctx: ServiceContext): Promise<BackupView> {
  if (ctx.dbPath === ':memory:') throw new AppError('conflict', 'an in-memory database cannot be backed up');
  const info = await backupIntoFolder(ctx.client, ctx.dbPath, 'manual', ctx.now());
  recordAudit(ctx.db, makeStamp(ctx, currentActor(ctx)), 'backup', 'backup', info.name, null, view(info));
  return view(info);
}

/** Only a file of the backups folder, named as the app names backups, can be restored from the UI. */
export async function restoreNamedBackup(ctx: ServiceContext, name: string): Promise<{ asidePath: string | null }> {
  if (!ctx.restore) throw new AppError('conflict', 'this database cannot be restored while in use here');
  const backup = listBackups(ctx.dbPath).find((b) => b.name === name);
  if (!backup) throw new AppError('not_found', `no backup called "${name}" in ${backupsDir(ctx.dbPath)}`);
  const actor = currentActor(ctx);
  const result = await ctx.restore(join(backupsDir(ctx.dbPath), backup.name));
  recordAudit(ctx.db, makeStamp(ctx, actor), 'restore', 'database', null, null, {
    from: backup.name,
    asidePath: result.asidePath,
  });
  return result;
}
