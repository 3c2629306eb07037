// Files of the data format: read strictly (UTF-8, JSON), write atomically (temp file in the same
// folder, fsync, rename), so an interrupted export never leaves half a file under the real name.
import { readFileSync } from 'node:fs';
import { AppError } from '../common/result';
import type { Db } from '../db/open';
import { recordAudit } from '../db/queries/audit';
import type { Stamp } from '../db/stamp';
import { writeFileAtomic as writeAtomic, writeFileAtomicInPieces as writeAtomicInPieces } from './atomic-file';
import { type ExportCounts, FORMAT, writeDocument } from './data-format';
import { readJsonObjectInPieces } from './data-format-reader';
import type { ArrayName } from './data-format-schema';

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or folder';
  if (e.code === 'EISDIR') return 'is a folder, not a file';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.message;
}

/** `line:column`, both from 1, of a character offset: what an editor shows. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Reads and parses a JSON file; a byte-order mark (as Windows Notepad writes) is accepted. An
 * object (an export) is read a piece at a time (services/data-format-reader.ts); anything else,
 * and any file with a problem, is read whole here, which names the problem.
 */
export function readJsonFile(path: string): unknown {
  const inPieces = readJsonObjectInPieces(path);
  if (inPieces !== undefined) return inPieces;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new AppError('invalid_file', `${path}: cannot read the file (${reason(err)})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('invalid_file', `${path}: not UTF-8 text; save the file as UTF-8 JSON`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? ` at line ${lineColumn(text, Number(at[1]))}` : '';
    throw new AppError('invalid_file', `${path}: not valid JSON${where} (${message})`);
  }
}

/**
 * Replaces `path` with `text` atomically (services/atomic-file: temp file in the same folder,
 * fsync, rename, fsync of the folder): readers see the old file or the new one, never a mix.
 */
export function writeFileAtomic(path: string, text: string): void {
  try {
    writeAtomic(path, text);
  } catch (err) {
    throw new AppError('invalid_file', `${path}: cannot write the file (${reason(err)})`);
  }
}

/**
 * Exports the whole database to `path` and records who did it. The file is written a piece at a time
 * (`writeDocument`), and atomically: an export that fails half-way leaves no file behind.
 */
export function exportToFile(
  db: Db,
  stamp: Stamp,
  path: string,
  onProgress?: (step: ArrayName | 'saving') => void,
): ExportCounts {
  let counts: ExportCounts | undefined;
  try {
    writeAtomicInPieces(path, (write) => {
      counts = writeDocument(db, stamp.at, write, onProgress);
      onProgress?.('saving');
    });
  } catch (err) {
    // The file system's errors (they name their system call) are the file's; the database's pass as they are.
    if ((err as NodeJS.ErrnoException).syscall === undefined) throw err;
    throw new AppError('invalid_file', `${path}: cannot write the file (${reason(err)})`);
  }
  if (!counts) throw new Error('internal: the export wrote no document');
  recordAudit(db, stamp, 'export', 'data', null, null, { format: FORMAT, file: path, counts });
  return counts;
}
