// Backups of the database file: `backup`, `restore` and `backups` (services/backup.ts). A backup is
// taken with SQLite's online backup API and checked with integrity_check; a restore checks the
// file first, keeps the current database aside and says how to undo it.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../common/result';
import { recordAudit } from '../db/queries/audit';
import { TEMP_MARKER } from '../services/atomic-file';
import { backupsDir, backupTo, checkDatabaseFile, listBackups, restoreFile } from '../services/backup';
import { makeStamp } from '../services/context';
import { openApp } from '../services/open-app';
import { type Command, dbPathOf, open, output, shellWord, sizeText } from './context';
import { TOOL } from './help';
import { renderTable } from './table';

/** The database file and the files SQLite keeps beside it. */
const databaseFiles = (path: string) => ['', '-wal', '-shm', '-journal'].map((s) => `${path}${s}`);

/**
 * The backup service checks each copy by opening it read-only; SQLite then leaves the `-wal` and
 * `-shm` files of the temporary copy beside it, under names sweepTempFiles does not match. This
 * removes those of this process only (their names carry its pid).
 */
export function sweepOwnLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const own = `.${process.pid}.`;
  for (const name of names) {
    if (
      name.startsWith('.') &&
      name.includes(own) &&
      /-(wal|shm)$/.test(name) &&
      name.slice(0, -4).endsWith(TEMP_MARKER)
    ) {
      rmSync(join(dir, name), { force: true });
    }
  }
}

/**
 * Opening FILE read-only to check and copy it makes SQLite create its `-wal` and `-shm` files. Those
 * that were not there before and hold no data (an empty write-ahead log) are removed again.
 */
function withoutNewSidecars<T>(file: string, run: () => Promise<T>): Promise<T> {
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const before = sidecars.map((p) => existsSync(p));
  return run().finally(() => {
    const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
    if (before.some(Boolean) || (wal && wal.size > 0)) return;
    for (const p of sidecars) rmSync(p, { force: true });
  });
}

export const backup: Command = async (options, io) => {
  const out = resolve(options.out ?? '');
  const dbPath = dbPathOf(options, io);
  if (dbPath === ':memory:') throw new AppError('invalid_input', 'an in-memory database cannot be backed up');
  if (databaseFiles(dbPath).includes(out)) {
    throw new AppError('invalid_input', `${out} is the database itself; choose another file for the backup`);
  }
  if (existsSync(out) && !options.force) {
    throw new AppError('conflict', `${out} already exists; nothing was written (pass --force to replace it)`);
  }
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    try {
      await backupTo(app.client, out);
    } finally {
      sweepOwnLeftovers(dirname(out));
    }
    const bytes = statSync(out).size;
    // As the app records a manual backup (services/backup-service.ts): an export of entity 'backup'.
    recordAudit(app.ctx.db, makeStamp(app.ctx, app.ctx.defaultActor), 'backup', 'backup', out, null, {
      file: out,
      bytes,
    });
    output(
      io,
      options,
      { dbPath, file: out, bytes, integrityCheck: 'ok' },
      `Backed up ${dbPath} to ${out}: ${sizeText(bytes)}, integrity_check ok.`,
    );
    return 0;
  } finally {
    app.close();
  }
};

export const restore: Command = async (options, io) => {
  const from = resolve(options.args[0] ?? '');
  const dbPath = dbPathOf(options, io);
  if (dbPath === ':memory:') throw new AppError('invalid_input', 'cannot restore into an in-memory database');
  if (databaseFiles(dbPath).includes(from)) {
    throw new AppError('invalid_input', `${from} is the database itself; name a backup file to restore`);
  }
  if (!existsSync(from)) throw new AppError('not_found', `${from}: no such file; the database was not changed`);
  // Checked here first, so that a refused file is reported with the promise that nothing changed.
  const { asidePath } = await withoutNewSidecars(from, async () => {
    try {
      checkDatabaseFile(from);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).replace(/; it was left untouched$/, '');
      throw new AppError('invalid_file', `${message}; nothing was restored, the database ${dbPath} was not changed`);
    }
    // The database is not open in this process while its file is replaced.
    try {
      return await restoreFile(dbPath, from, new Date());
    } finally {
      sweepOwnLeftovers(dirname(dbPath));
    }
  });
  const undo = asidePath ? `${TOOL} restore ${shellWord(asidePath)} --db ${shellWord(dbPath)}` : null;
  // Who restored what, recorded in the restored database (the file restored from is not touched).
  let warning: string | null = null;
  try {
    const app = openApp(dbPath, { mode: 'cli', actor: options.as, seed: false });
    try {
      recordAudit(app.ctx.db, makeStamp(app.ctx, app.ctx.defaultActor), 'restore', 'database', null, null, {
        from,
        asidePath,
      });
    } finally {
      app.close();
    }
  } catch (err) {
    warning = `restore: warning: the restore is done, but it could not be recorded in the audit log (${
      err instanceof Error ? err.message : String(err)
    })`;
  }
  if (warning) io.stderr(`${warning}\n`);
  const lines = [
    `Restored ${dbPath} from ${from}.`,
    asidePath
      ? `The database as it was before is kept in ${asidePath}.`
      : `There was no database at ${dbPath} before; nothing was kept aside.`,
    undo ? `To undo: ${undo}` : `To undo: delete ${dbPath}.`,
  ];
  output(io, options, { dbPath, from, asidePath, undo }, lines.join('\n'));
  return 0;
};

export const backupsList: Command = (options, io) => {
  const dbPath = dbPathOf(options, io);
  if (dbPath === ':memory:') throw new AppError('invalid_input', 'an in-memory database has no backups folder');
  const folder = backupsDir(dbPath);
  const list = listBackups(dbPath);
  if (options.json) {
    output(io, options, { dbPath, folder, backups: list }, '');
    return 0;
  }
  if (list.length === 0) {
    io.stdout(`No backups in ${folder}.\n`);
    return 0;
  }
  const table = renderTable(
    [{ header: 'Created (UTC)' }, { header: 'Kind' }, { header: 'Bytes', align: 'right' }, { header: 'File' }],
    list.map((b) => [b.createdAt.replace('T', ' ').replace('Z', ''), b.kind, String(b.bytes), b.name]),
  );
  io.stdout(`${table}\n\n${list.length} backup${list.length === 1 ? '' : 's'} in ${folder}, newest first.\n`);
  return 0;
};
