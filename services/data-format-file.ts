// Files of the data format: read strictly (UTF-8, JSON), write atomically (temp file in the same
// folder, fsync, rename), so an interrupted export never leaves half a file under the real name.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../common/result';
import type { Db } from '../db/open';
import { recordAudit } from '../db/queries/audit';
import type { Stamp } from '../db/stamp';
import { countDocument, type ExportCounts, exportDocument, serializeDocument } from './data-format';

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

/** Reads and parses a JSON file; a byte-order mark (as Windows Notepad writes) is accepted. */
export function readJsonFile(path: string): unknown {
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

/** Replaces `path` with `text` atomically: readers see the old file or the new one, never a mix. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeSync(fd, text, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new AppError('invalid_file', `${path}: cannot write the file (${reason(err)})`);
  }
  // Make the rename itself durable. Folders cannot be opened for fsync on Windows: best effort.
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // not supported on this platform
  }
}

/** Exports the whole database to `path` and records who did it. */
export function exportToFile(db: Db, stamp: Stamp, path: string): ExportCounts {
  const doc = exportDocument(db, stamp.at);
  writeFileAtomic(path, serializeDocument(doc));
  const counts = countDocument(doc);
  recordAudit(db, stamp, 'export', 'data', null, null, { format: doc.format, file: path, counts });
  return counts;
}
