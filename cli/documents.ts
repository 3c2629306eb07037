// `press-office export compliance`, `export document` and the roster form of `import`: the same
// services the app's export buttons and roster dialog use, writing the same files.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { AppError } from '../common/result';
import { exportCompliance } from '../services/compliance-export';
import { exportDocument } from '../services/documents';
import { importRoster, previewRoster } from '../services/roster-import';
import { type Command, type CommandOptions, open, output, sizeText } from './context';

function target(options: CommandOptions) {
  const out = resolve(options.out ?? '');
  return { dir: dirname(out), fileName: basename(out), overwrite: options.force };
}

function fileExistsHint(err: unknown): never {
  if (err instanceof AppError && err.code === 'file_exists') {
    throw new AppError('file_exists', `${err.message}; pass --force to replace it`);
  }
  throw err;
}

export const exportComplianceCommand: Command = async (options, io) => {
  const format = options.format;
  if (format !== 'docx' && format !== 'xlsx') throw new AppError('invalid_input', '--format must be docx or xlsx');
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const written = await exportCompliance(app.ctx, {
      year: options.year ?? 0,
      quarter: options.quarter,
      asOf: options.asOf,
      format,
      ...target(options),
    }).catch(fileExistsHint);
    output(io, options, written, `Wrote ${written.path}, ${sizeText(written.bytes)}.`);
    return 0;
  } finally {
    app.close();
  }
};

export const exportDocumentCommand: Command = async (options, io) => {
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const written = await exportDocument(app.ctx, { id: options.id ?? '', ...target(options) }).catch(fileExistsHint);
    output(io, options, written, `Wrote ${written.path}, ${sizeText(written.bytes)}.`);
    return 0;
  } finally {
    app.close();
  }
};

export function isRosterFile(path: string): boolean {
  return ['.xlsx', '.csv'].includes(extname(path).toLowerCase());
}

/** Imports a roster: every row or none; the problems are printed by line. */
export const importRosterCommand: Command = async (options, io) => {
  const file = resolve(options.args[0] ?? '');
  let bytes: Buffer;
  try {
    if (statSync(file).size > 5 * 1024 * 1024)
      throw new AppError('invalid_file', `${file}: over 5 MB; split the roster`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('not_found', `cannot read ${file}: ${(err as Error).message}`);
  }
  const upload = { fileName: basename(file), data: bytes.toString('base64') };
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const preview = await previewRoster(app.ctx, upload);
    const counts = await importRoster(app.ctx, upload);
    output(
      io,
      options,
      { file, ...counts, rows: preview.rows.length },
      `Imported ${file}: ${counts.created} new, ${counts.updated} changed, ${counts.unchanged} unchanged.`,
    );
    return 0;
  } finally {
    app.close();
  }
};
