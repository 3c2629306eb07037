// Every file the app writes (exports, backups, packages) appears whole or not at all: temp file
// in the same folder, fsync, rename, fsync of the folder. Leftover temp files of a killed write
// carry a recognisable name and are swept at the next start.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const TEMP_MARKER = '.press-office-tmp';

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_MARKER}`);
}

/** Makes a rename or removal in a folder durable. Windows cannot open folders for fsync: best effort. */
export function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported on this platform
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves a finished temp file into place durably. */
export function commitTemp(temp: string, path: string): void {
  fsyncFile(temp);
  renameSync(temp, path);
  fsyncFolder(dirname(path));
}

/** Writes `data` to `path` atomically: readers see the old file or the new one, never a mix. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFileAtomicInPieces(path, (write) => write(data));
}

/** Characters of text gathered before a write to the file, when the content comes in pieces. */
const PIECES_CHARS = 4 * 1024 * 1024;

/**
 * Writes to `path` atomically what `fill` gives, piece by piece (so that a large file need never be
 * one string in memory): readers see the old file or the new one, never a mix; if `fill` throws, the
 * temp file is removed and `path` is left as it was.
 */
export function writeFileAtomicInPieces(
  path: string,
  fill: (write: (piece: string | Uint8Array) => void) => void,
): void {
  const temp = tempPathFor(path);
  let fd: number | undefined;
  try {
    const file = openSync(temp, 'wx');
    fd = file;
    const writeBytes = (bytes: Uint8Array) => {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(file, bytes, offset, bytes.length - offset);
    };
    let texts: string[] = [];
    let gathered = 0;
    const flush = () => {
      if (texts.length === 0) return;
      writeSync(file, texts.join(''), null, 'utf8');
      texts = [];
      gathered = 0;
    };
    fill((piece) => {
      if (typeof piece === 'string') {
        texts.push(piece);
        // Characters, not bytes: up to three bytes each in UTF-8, so at most ~12 MB are written at once.
        gathered += piece.length;
        if (gathered >= PIECES_CHARS) flush();
      } else {
        flush();
        writeBytes(piece);
      }
    });
    flush();
    fsyncSync(file);
    closeSync(file);
    fd = undefined;
    renameSync(temp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  fsyncFolder(dirname(path));
}

/** Removes temp files and folders left by writes that were killed; returns what was removed. */
export function sweepTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith(TEMP_MARKER)) continue;
    const path = join(dir, name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // still in use by a live writer: leave it
    }
  }
  if (removed.length) fsyncFolder(dir);
  return removed;
}

export function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
