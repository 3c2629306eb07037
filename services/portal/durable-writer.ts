// Writes the files of a package into its (temporary) folder and makes them durable. Each file is
// created, written, fsynced and closed off the main thread, a bounded number at a time: fsyncs
// issued together share the file system's journal commits (about 0.5 ms a file where one after the
// other took 1–11 ms), and the main thread keeps rendering instead of waiting on the journal. Only
// the files in flight are held; then every folder written into is synced.
import { close, fsync, mkdir, open, write } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const openAsync = promisify(open);
const writeAsync = promisify(write);
const mkdirAsync = promisify(mkdir);

export const DEFAULT_FILES_IN_FLIGHT = 16;

export class DurableFolderWriter {
  private readonly inFlight = new Set<Promise<void>>();
  /** Folders created (or being created), by path; the root exists already. */
  private readonly folders = new Map<string, Promise<unknown>>();
  private failure: unknown = null;

  constructor(
    private readonly root: string,
    private readonly limit = DEFAULT_FILES_IN_FLIGHT,
  ) {
    this.folders.set(root, Promise.resolve());
  }

  /** Queues a new file (relative path, forward slashes): created, written and fsynced in the background. */
  write(path: string, data: Uint8Array): void {
    if (this.failure) throw this.failure;
    const full = join(this.root, path);
    const folder = this.folder(dirname(full));
    this.track(folder.then(() => writeNew(full, data)));
  }

  /** True when the next write should wait for some fsyncs to finish (`await drain()`). */
  get busy(): boolean {
    return this.inFlight.size >= this.limit;
  }

  /** Waits until fewer than the limit are in flight; throws the first failure. */
  async drain(): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Waits for every file's fsync, then syncs every folder written into (the root last). */
  async finish(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    const folders = [...this.folders.keys()].sort((a, b) => b.length - a.length);
    for (const folder of folders) {
      this.track(syncFolder(folder));
      await this.drain();
    }
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Waits for what is in flight without reporting (before removing the folder after a failure). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private folder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made && dir.length <= this.root.length) throw new Error(`"${dir}" is not inside "${this.root}"`);
    if (!made) {
      made = this.folder(dirname(dir)).then(() => mkdirAsync(dir));
      this.folders.set(dir, made);
    }
    return made;
  }

  private track(p: Promise<void>): void {
    const tracked = p.then(
      () => {
        this.inFlight.delete(tracked);
      },
      (err: unknown) => {
        this.inFlight.delete(tracked);
        this.failure ??= err;
      },
    );
    this.inFlight.add(tracked);
  }
}

/** Creates a file that must not exist yet, writes it whole, fsyncs and closes it. */
async function writeNew(path: string, data: Uint8Array): Promise<void> {
  const fd = await openAsync(path, 'wx');
  try {
    let offset = 0;
    while (offset < data.length) offset += (await writeAsync(fd, data, offset, data.length - offset)).bytesWritten;
    await fsyncAsync(fd);
  } finally {
    await closeAsync(fd);
  }
}

/** fsync of a folder, so that the names in it are durable. Windows cannot open folders: best effort. */
async function syncFolder(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = await openAsync(dir, 'r');
  } catch {
    return;
  }
  try {
    await fsyncAsync(fd);
  } catch (err) {
    // EISDIR/EINVAL/EPERM where folders cannot be synced; anything else is a real failure.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw err;
  } finally {
    await closeAsync(fd);
  }
}
