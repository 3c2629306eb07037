// The commands. Each opens the database through the same start-up as the app (services/open-app)
// and writes through the same services, so the CLI and the app cannot disagree about the data.
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { count } from 'drizzle-orm';
import { localDate } from '../common/dates';
import { AppError } from '../common/result';
import type { DepartmentRow } from '../common/types';
import { recordAudit } from '../db/queries/audit';
import { listDepartments } from '../db/queries/departments';
import { departments } from '../db/schema';
import { type BackupInfo, backupIntoFolder, backupsDir } from '../services/backup';
import { makeStamp } from '../services/context';
import {
  checkDocument,
  countDocument,
  type ImportProgress,
  type ImportSummary,
  importDocument,
} from '../services/data-format';
import { exportToFile, readJsonFile } from '../services/data-format-file';
import { openApp } from '../services/open-app';
import { compliance } from './compliance';
import { type CliIo, type Command, dbPathOf, open, output, progressLines } from './context';
import { exportComplianceCommand, exportDocumentCommand, importRosterCommand, isRosterFile } from './documents';
import type { CommandName } from './help';
import { backup, backupsList, restore, sweepOwnLeftovers } from './maintenance';
import { exportAssessmentCommand, exportPortalCommand, verifyPortalCommand } from './portal';
import { renderTable } from './table';

export type { CliIo, CommandOptions } from './context';

/** An import of more records than this first keeps the database as it was in the backups folder. */
export const IMPORT_BACKUP_THRESHOLD = 1000;

/** The schema version of an existing file, read without changing it; null when it cannot be read. */
function schemaVersionOf(path: string): number | null {
  if (path === ':memory:' || !existsSync(path)) return null;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return probe.pragma('user_version', { simple: true }) as number;
    } finally {
      probe.close();
    }
  } catch {
    return null; // openApp reports what is wrong with the file
  }
}

const init: Command = (options, io) => {
  const path = dbPathOf(options, io);
  const before = schemaVersionOf(path);
  const app = openApp(path, { mode: 'cli', actor: options.as, seed: true });
  try {
    const { ctx, seeded } = app;
    if (seeded > 0) {
      recordAudit(ctx.db, makeStamp(ctx, ctx.defaultActor), 'create', 'departments', null, null, {
        seeded,
        source: '2014 notice, 附件1',
      });
    }
    const total = ctx.db.select({ n: count() }).from(departments).get()?.n ?? 0;
    const created = before === null || before === 0;
    const migratedFrom = !created && before !== ctx.schemaVersion ? before : null;
    const lines = [
      created
        ? `Created the database ${path} (schema ${ctx.schemaVersion}).`
        : migratedFrom !== null
          ? `Migrated the database ${path} from schema ${migratedFrom} to ${ctx.schemaVersion}.`
          : `The database ${path} is up to date (schema ${ctx.schemaVersion}).`,
      seeded > 0
        ? `Added the ${seeded} listed departments of the 2014 notice (附件1).`
        : `The department register already has ${total} departments; none added.`,
    ];
    output(
      io,
      options,
      { dbPath: path, created, migratedFrom, schemaVersion: ctx.schemaVersion, seeded, departments: total },
      lines.join('\n'),
    );
    return 0;
  } finally {
    app.close();
  }
};

function flags(row: DepartmentRow): string {
  const out: string[] = [];
  if (row.status === 'active' && row.spokespersonCount === 0) out.push('no spokesperson');
  if (row.untrainedSpokespersonCount > 0) {
    out.push(
      `untrained spokesperson${row.untrainedSpokespersonCount > 1 ? ` ×${row.untrainedSpokespersonCount}` : ''}`,
    );
  }
  return out.join(', ');
}

const departmentsList: Command = (options, io) => {
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const rows = listDepartments(app.ctx.db, { includeInactive: options.all }, localDate(app.ctx.now()));
    if (options.json) {
      output(io, options, rows, '');
      return 0;
    }
    const columns = [
      { header: 'ID' },
      { header: 'Short name' },
      { header: 'Full name' },
      { header: 'Listed' },
      { header: 'Spokespersons', align: 'right' as const },
      ...(options.all ? [{ header: 'Status' }] : []),
      { header: 'Flags' },
    ];
    const table = rows.map((r) => [
      r.id,
      r.name,
      r.fullName,
      r.listed ? 'yes' : 'no',
      String(r.spokespersonCount),
      ...(options.all ? [r.status] : []),
      flags(r),
    ]);
    const none = rows.filter((r) => r.status === 'active' && r.spokespersonCount === 0).length;
    const untrained = rows.filter((r) => r.untrainedSpokespersonCount > 0).length;
    const footer = `${rows.length} departments; ${none} without a spokesperson; ${untrained} with an untrained spokesperson.`;
    io.stdout(`${rows.length > 0 ? `${renderTable(columns, table)}\n\n` : ''}${footer}\n`);
    return 0;
  } finally {
    app.close();
  }
};

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function summaryText(file: string, dbPath: string, summary: ImportSummary): string {
  const names = Object.keys(summary) as (keyof ImportSummary)[];
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => {
    const c = summary[n];
    const total = c.created + c.updated + c.unchanged;
    return `  ${n.padEnd(width)}  ${String(total).padStart(5)}  (${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged)`;
  });
  return `Imported ${file} into ${dbPath}:\n${lines.join('\n')}`;
}

/**
 * Before a large import into an existing database, a backup of kind 'import' keeps the register as
 * it was. Taken only when the file passed every check, so a refused file leaves no backup behind.
 */
async function preImportBackup(
  app: ReturnType<typeof openApp>,
  path: string,
  raw: unknown,
  say: (text: string) => void,
): Promise<BackupInfo | null> {
  say('checking every record before the backup');
  const { problems, plan } = checkDocument(app.ctx.db, raw);
  if (problems.length > 0) return null; // importDocument reports them
  const total = Object.values(countDocument(plan)).reduce((a, b) => a + b, 0);
  if (total <= IMPORT_BACKUP_THRESHOLD) return null;
  say(`backing up ${path}`);
  try {
    return await backupIntoFolder(app.client, path, 'import', app.ctx.now());
  } finally {
    sweepOwnLeftovers(backupsDir(path));
  }
}

/** Progress lines of `import` (nothing when `io.progress` is absent). */
function importProgress(io: CliIo): { say: (text: string) => void; onProgress?: (p: ImportProgress) => void } {
  const say = progressLines(io, 'import');
  if (!say) return { say: () => {} };
  return {
    say,
    onProgress: (p) => {
      if (p.step === 'checking') say('checking every record');
      else if (p.step === 'writing') say(`writing ${p.array} (${p.records.toLocaleString('en-US')})`);
      else say('finishing and saving');
    },
  };
}

const importCommand: Command = async (options, io) => {
  if (isRosterFile(options.args[0] ?? '')) return importRosterCommand(options, io);
  const file = resolve(options.args[0] ?? '');
  const { say, onProgress } = importProgress(io);
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  say(`reading ${file}${size === undefined ? '' : ` (${(size / 1_048_576).toFixed(size < 10_485_760 ? 1 : 0)} MB)`}`);
  // Read and parse before touching the database: a missing or broken file changes nothing.
  const raw = readJsonFile(file);
  const path = dbPathOf(options, io);
  const existed = path === ':memory:' || existsSync(path);
  // No seeding: an export imported into a new file must reproduce the exported register exactly.
  const app = openApp(path, { mode: 'cli', actor: options.as, seed: false });
  let summary: ImportSummary;
  let backup: BackupInfo | null = null;
  try {
    // A database this command has just created holds nothing to keep.
    if (existed && path !== ':memory:') backup = await preImportBackup(app, path, raw, say);
    summary = importDocument(app.ctx.db, makeStamp(app.ctx, app.ctx.defaultActor), raw, file, {
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (err) {
    app.close();
    // The database file did not exist before this command: leave no empty one behind.
    if (!existed) removeDatabaseFiles(path);
    if (err instanceof AppError && err.issues) {
      throw new AppError(err.code, `${err.message}; the database was not changed`, err.issues);
    }
    throw err;
  }
  app.close();
  const text = summaryText(file, path, summary);
  output(
    io,
    options,
    { file, dbPath: path, summary, backup },
    backup ? `${text}\nThe database as it was before the import is kept in ${backup.path}.` : text,
  );
  return 0;
};

const exportData: Command = (options, io) => {
  const out = resolve(options.out ?? '');
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const stamp = makeStamp(app.ctx, app.ctx.defaultActor);
    const say = progressLines(io, 'export data');
    const counts = exportToFile(
      app.ctx.db,
      stamp,
      out,
      say ? (step) => say(step === 'saving' ? `saving ${out}` : `writing ${step}`) : undefined,
    );
    const list = Object.entries(counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ');
    output(io, options, { file: out, exportedAt: stamp.at, counts }, `Exported ${list} to ${out}.`);
    return 0;
  } finally {
    app.close();
  }
};

export const commands: Record<CommandName, Command> = {
  init,
  'departments list': departmentsList,
  import: importCommand,
  'export data': exportData,
  'export compliance': exportComplianceCommand,
  'export document': exportDocumentCommand,
  'export portal': exportPortalCommand,
  'export assessment': exportAssessmentCommand,
  'verify-portal': verifyPortalCommand,
  compliance,
  backup,
  restore,
  backups: backupsList,
};
