// A fresh import writes a new database file of up to a gigabyte in one transaction. SQLite spills
// the pages its cache cannot hold into the file as it goes, but the system keeps them in memory
// until the commit's fsync, which then writes all of them at once (seconds on this kind of disk,
// with nothing else to do meanwhile). A worker thread syncing the file every so often during the
// transaction has the disk write them while the import goes on computing, so the commit's fsync
// finds little left. The data is the same and so is the order of SQLite's own syncs (the rollback
// journal is synced before any page of the file is written): an earlier sync of pages already
// written changes nothing about what a crash can leave behind.
import { Worker } from 'node:worker_threads';

// CommonJS evaluated by Node in the worker. state[0]: 0 before the worker starts, 1 once it is asked
// to stop, 2 while it runs; state[1]: 1 once it is done (the file closed, or never opened).
const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { path, signal, intervalMs, writable } = workerData;
const state = new Int32Array(signal);
let fd = -1;
try {
  // Not even opened when asked to stop before it started.
  if (Atomics.compareExchange(state, 0, 0, 2) === 0) {
    fd = fs.openSync(path, writable ? 'r+' : 'r');
    while (Atomics.load(state, 0) === 2) {
      fs.fdatasyncSync(fd);
      Atomics.wait(state, 0, 2, intervalMs);
    }
  }
} catch {
  // Nothing is lost: the commit syncs the file as it always does.
} finally {
  try {
    if (fd >= 0) fs.closeSync(fd);
  } finally {
    Atomics.store(state, 1, 1);
    Atomics.notify(state, 1);
  }
}`;

/** Between two syncs of the file. */
const INTERVAL_MS = 250;
/** How long stopping waits for a sync in progress to end and the file to be closed. */
const STOP_WAIT_MS = 60_000;

/**
 * Syncs the file at `path` to disk every INTERVAL_MS on a worker thread until the returned function
 * is called; that function returns once the worker has closed the file. On POSIX systems closing
 * any descriptor of a file releases every lock the process holds on it, SQLite's included: call it
 * only when the connection holds no lock on the file (after the transaction, while the database is
 * still in rollback-journal mode, before it goes back to WAL).
 */
export function syncFileMeanwhile(path: string): () => void {
  const signal = new SharedArrayBuffer(8);
  const state = new Int32Array(signal);
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      // Windows flushes a file only through a handle that may write to it.
      workerData: { path, signal, intervalMs: INTERVAL_MS, writable: process.platform === 'win32' },
    });
  } catch {
    return () => {};
  }
  worker.unref();
  worker.on('error', () => {});
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    // Not started yet: it will not open the file. Otherwise it is asked to stop, and waited for
    // until it has closed the file.
    if (Atomics.compareExchange(state, 0, 0, 1) !== 0) {
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
      const deadline = Date.now() + STOP_WAIT_MS;
      for (let left = STOP_WAIT_MS; Atomics.load(state, 1) === 0 && left > 0; left = deadline - Date.now()) {
        Atomics.wait(state, 1, 0, left);
      }
    }
    void worker.terminate();
  };
}
