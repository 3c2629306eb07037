// `press-office export portal`, `verify-portal` and `export assessment`.
import { resolve } from 'node:path';
import { AppError } from '../common/result';
import { exportAssessment } from '../services/assessment';
import { exportPortal, type PortalProgress, portalProgress } from '../services/portal/export';
import { verifyPortal } from '../services/portal/verify';
import { type Command, open, output, progressLines, sizeText } from './context';

/** How often `export portal` looks how far it has got (on a terminal). */
const PROGRESS_EVERY_MS = 1000;

/** A line for where the export is, as the app's progress bar says it (export-card.tsx). */
export function portalProgressText(p: PortalProgress): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (p.phase === 'render') return `rendering ${n(p.done)} of ${n(p.total)} documents`;
  if (p.phase === 'write') return `writing ${n(p.total)} files and the manifest`;
  if (p.phase === 'zip') return `zipping ${n(p.done)} of ${n(p.total)} files`;
  return 'done';
}

export const exportPortalCommand: Command = async (options, io) => {
  const dir = resolve(options.out ?? '');
  const app = open(options, io, { seed: false, mustExist: true });
  const say = progressLines(io, 'export portal');
  // A line when the phase changes and at each tenth of it, not every second.
  let said = '';
  const tell = () => {
    const p = portalProgress();
    if (!say || !p || p.phase === 'done') return;
    const step = `${p.phase} ${p.total > 0 ? Math.floor((p.done * 10) / p.total) : 0}`;
    if (step === said) return;
    said = step;
    say(portalProgressText(p));
  };
  say?.(`finding what changed since the last package${options.full ? ' (a full package)' : ''}`);
  const timer = say ? setInterval(tell, PROGRESS_EVERY_MS) : null;
  try {
    const r = await exportPortal(app.ctx, { dir, full: options.full, zip: options.zip });
    const text = r.written
      ? [
          `Wrote portal package ${r.sequence} to ${r.folder}${r.zip ? ` (and ${r.zip})` : ''}:`,
          `  ${r.items} items (${r.added} added, ${r.changed} changed), ${r.withdrawn} withdrawn; manifest SHA-256 ${r.manifestSha256}.`,
        ].join('\n')
      : 'Nothing was added, changed or withdrawn since the last package; no package written (use --full for a complete one).';
    output(io, options, r, text);
    return 0;
  } finally {
    if (timer) clearInterval(timer);
    app.close();
  }
};

/** Exit 0 when the package is sound; 1 naming every problem otherwise. No database needed. */
export const verifyPortalCommand: Command = async (options, io) => {
  const path = resolve(options.args[0] ?? '');
  const r = await verifyPortal(path);
  if (options.json) io.stdout(`${JSON.stringify({ path, ...r }, null, 2)}\n`);
  else if (r.ok) io.stdout(`${path}: package ${r.sequence} is sound: ${r.items} items, ${r.files} files checked.\n`);
  if (!r.ok) {
    io.stderr(`${r.problems.map((p) => `verify-portal: ${p}`).join('\n')}\n`);
    io.stderr(`verify-portal: ${path}: ${r.problems.length} problem(s)\n`);
    return 1;
  }
  return 0;
};

export const exportAssessmentCommand: Command = async (options, io) => {
  const format = options.format;
  if (format !== 'docx' && format !== 'xlsx') throw new AppError('invalid_input', '--format must be docx or xlsx');
  const out = resolve(options.out ?? '');
  const app = open(options, io, { seed: false, mustExist: true });
  try {
    const { dirname, basename } = await import('node:path');
    const written = await exportAssessment(app.ctx, {
      year: options.year ?? 0,
      asOf: options.asOf,
      format,
      dir: dirname(out),
      fileName: basename(out),
      overwrite: options.force,
    }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'file_exists') {
        throw new AppError('file_exists', `${err.message}; pass --force to replace it`);
      }
      throw err;
    });
    output(io, options, written, `Wrote ${written.path}, ${sizeText(written.bytes)}.`);
    return 0;
  } finally {
    app.close();
  }
};
