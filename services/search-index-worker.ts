// The search indexes of a fresh import built on a second thread. The import writes its rows on the
// main thread inside its one transaction; meanwhile a worker thread fills the same full-text
// indexes (migration 0010, contentless FTS5 over `po_bigrams`) in a database of its own in memory,
// from the same texts under the same rowids, with the very statements of an in-place rebuild
// (SEARCH_INDEXES). Once the rows are written, the index's shadow tables (`<index>_data`, `_idx`,
// `_docsize`, `_config`) are copied into the import's transaction: the worker hands their rows over
// packed in one transferred buffer (no copy, and almost nothing for the main thread's garbage
// collector). Anything unexpected (the worker failing, other shadow tables or columns, other
// rowids) leaves the caller to rebuild in place.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { searchTokenizerSource } from '../db/queries/search';

/** One index to build: `rebuild` fills it from `table`, whose `columns` hold `rows` (rowid = position + 1). */
export interface SearchIndexJob {
  index: string;
  /** The index's CREATE VIRTUAL TABLE statement, as sqlite_master holds it. */
  createSql: string;
  table: string;
  columns: readonly string[];
  rows: unknown[][];
  /** FTS5 `automerge` while filling, and the index's own value to put back afterwards. */
  bulkAutomerge: number;
  automerge: number;
  rebuild: readonly string[];
}

/** A shadow table's name, columns and number of rows; the values are in the job's buffer, row after row. */
interface PackedTable {
  name: string;
  columns: string[];
  rows: number;
}
type JobResult = { index: string; tables: PackedTable[]; values: ArrayBuffer } | { index: string; error: string };

// Values in the buffer: a tag byte, then 0 null; 1 an 8-byte integer; 2 an 8-byte real; 3 text and
// 4 a blob, each a 4-byte length and its bytes (text in UTF-8). Little-endian.
const NULL = 0;
const INTEGER = 1;
const REAL = 2;
const TEXT = 3;
const BLOB = 4;

// CommonJS evaluated by Node in the worker. The tokenizer is made from the source text of the one
// the app registers as po_bigrams (db/queries/search.ts), with db/open.ts's conversion of a value.
// The texts go into a table under their rowids, so that the rebuild's statements read them as they
// read the register's table.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { driver, tokenizerSource, port, signal, jobs } = workerData;
// state[0]: 1 once the worker is done; state[1]: 1 once the import asks it to stop (it then stops at the
// next job, or before the next long statement).
const state = new Int32Array(signal);
const stopped = () => Atomics.load(state, 1) === 1;
const quote = (name) => '"' + name.replace(/"/g, '""') + '"';

function pack(db, index) {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '!' ORDER BY name")
    .pluck()
    .all(index.replace(/[!%_]/g, (c) => '!' + c) + '!_%');
  let buffer = Buffer.allocUnsafeSlow(1 << 20);
  let at = 0;
  const room = (n) => {
    if (at + n <= buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, at + n));
    buffer.copy(grown, 0, 0, at);
    buffer = grown;
  };
  const tables = names.map((name) => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(name);
    const select = db.prepare('SELECT ' + columns.map(quote).join(', ') + ' FROM ' + quote(name)).raw().safeIntegers();
    let rows = 0;
    for (const row of select.iterate()) {
      rows++;
      for (const value of row) {
        if (value === null) {
          room(1);
          buffer[at++] = ${NULL};
        } else if (typeof value === 'bigint') {
          room(9);
          buffer[at++] = ${INTEGER};
          at = buffer.writeBigInt64LE(value, at);
        } else if (typeof value === 'number') {
          room(9);
          buffer[at++] = ${REAL};
          at = buffer.writeDoubleLE(value, at);
        } else if (typeof value === 'string') {
          const n = Buffer.byteLength(value, 'utf8');
          room(5 + n);
          buffer[at++] = ${TEXT};
          at = buffer.writeUInt32LE(n, at);
          at += buffer.write(value, at, 'utf8');
        } else {
          room(5 + value.length);
          buffer[at++] = ${BLOB};
          at = buffer.writeUInt32LE(value.length, at);
          at += value.copy(buffer, at);
        }
      }
    }
    return { name, columns, rows };
  });
  const values = new ArrayBuffer(at);
  buffer.copy(Buffer.from(values), 0, 0, at);
  return { tables, values };
}

let db;
try {
  const Database = require(driver);
  const tokenizer = new Function('return (' + tokenizerSource + ')()')();
  db = new Database(':memory:');
  db.function('po_bigrams', { deterministic: true }, (text) =>
    tokenizer.charBigrams(typeof text === 'string' ? text : text === null ? null : String(text)));
  for (const job of jobs) {
    if (stopped()) break;
    try {
      const setAutomerge = (value) =>
        db.exec('INSERT INTO ' + quote(job.index) + '(' + quote(job.index) + ', rank) VALUES (\\'automerge\\', ' + Math.trunc(value) + ')');
      db.exec(job.createSql);
      db.exec('CREATE TABLE ' + quote(job.table) + ' (' + job.columns.map((c) => quote(c) + ' TEXT').join(', ') + ')');
      const insert = db.prepare('INSERT INTO ' + quote(job.table) + ' (rowid, ' + job.columns.map(quote).join(', ') +
        ') VALUES (?' + ', ?'.repeat(job.columns.length) + ')');
      db.transaction(() => {
        job.rows.forEach((row, i) => insert.run(i + 1, ...row));
      })();
      job.rows = null;
      if (stopped()) break;
      // As the import does in place: one transaction, automerge raised meanwhile.
      db.transaction(() => {
        setAutomerge(job.bulkAutomerge);
        for (const statement of job.rebuild) db.exec(statement);
        setAutomerge(job.automerge);
      })();
      const { tables, values } = pack(db, job.index);
      port.postMessage({ index: job.index, tables, values }, [values]);
    } catch (err) {
      port.postMessage({ index: job.index, error: String((err && err.stack) || err) });
    }
  }
} catch (err) {
  port.postMessage({ index: null, error: String((err && err.stack) || err) });
} finally {
  try {
    if (db) db.close();
  } finally {
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
  }
}`;

/** How long the import waits for the worker's indexes before building them in place. */
const WAIT_MS = 60_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface SearchIndexBuild {
  /**
   * Inside the import's transaction, once `job.table` holds exactly the job's rows under rowids
   * 1…n: replaces the (empty) index `index` with the worker's. Waits for the worker if need be.
   * False when that cannot be done as it should: the caller then builds the index in place.
   */
  adopt(client: Database.Database, index: string): boolean;
  /** Ends the worker (when the import is over, whatever happened). */
  close(): void;
}

/** Starts building `jobs` on a worker thread; null when no worker can be started. */
export function buildSearchIndexes(jobs: SearchIndexJob[]): SearchIndexBuild | null {
  const signal = new SharedArrayBuffer(8);
  const done = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver, tokenizerSource: searchTokenizerSource, port: port2, signal, jobs },
      transferList: [port2],
    });
  } catch {
    port1.close();
    port2.close();
    return null;
  }
  worker.unref();
  // The worker posts its own errors; this keeps an unexpected one from going unhandled.
  worker.on('error', () => {});
  const results = new Map<string, JobResult>();
  let closed = false;

  /** The job's result, waiting for the worker as long as it has not posted it and is still at work. */
  const resultFor = (index: string): JobResult | undefined => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const result = m.message as JobResult | { index: null };
        if (result.index !== null) results.set(result.index, result as JobResult);
      }
      const left = deadline - Date.now();
      if (results.has(index) || left <= 0) return results.get(index);
      if (Atomics.load(done, 0) === 1) {
        // Finished: whatever it posted is in the port by now.
        const m = receiveMessageOnPort(port1);
        if (!m) return undefined;
        const result = m.message as JobResult | { index: null };
        if (result.index !== null) results.set(result.index, result as JobResult);
        continue;
      }
      // Woken by the worker's end; a posted result is looked for every 10 ms meanwhile.
      Atomics.wait(done, 0, 0, Math.min(left, 10));
    }
  };

  return {
    adopt(client, index) {
      const job = jobs.find((j) => j.index === index);
      if (!job || closed) return false;
      const result = resultFor(index);
      if (!result || 'error' in result) return false;
      return copyIndex(client, job, result.tables, result.values);
    },
    close() {
      if (closed) return;
      closed = true;
      // Asked to stop and waited for: a worker ended while inside a SQLite statement takes the whole
      // process down, so it is ended only once done (at most one statement later).
      Atomics.store(done, 1, 1);
      const deadline = Date.now() + WAIT_MS;
      for (let left = WAIT_MS; Atomics.load(done, 0) === 0 && left > 0; left = deadline - Date.now()) {
        Atomics.wait(done, 0, 0, left);
      }
      port1.close();
      void worker.terminate();
    },
  };
}

/** Copies the index the worker built over the (empty) one of the import, in its transaction. */
function copyIndex(
  client: Database.Database,
  job: SearchIndexJob,
  tables: PackedTable[],
  values: ArrayBuffer,
): boolean {
  const { index } = job;
  const counts = client
    .prepare(`SELECT count(*) AS n, min(rowid) AS lo, max(rowid) AS hi FROM ${quote(job.table)}`)
    .get() as { n: number; lo: number | null; hi: number | null };
  const n = job.rows.length;
  if (counts.n !== n || (n > 0 && (counts.lo !== 1 || counts.hi !== n))) return false;
  // The same shadow tables with the same columns in both databases, or nothing is copied.
  const names = client
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '!' ORDER BY name`)
    .pluck()
    .all(`${index.replace(/[!%_]/g, (c) => `!${c}`)}!_%`) as string[];
  const columns = client.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck();
  if (
    names.length === 0 ||
    names.join('\0') !== tables.map((t) => t.name).join('\0') ||
    tables.some((t) => (columns.all(t.name) as string[]).join('\0') !== t.columns.join('\0'))
  ) {
    return false;
  }
  // Through FTS5 first, as the in-place rebuild begins: it empties the index, and the index takes
  // part in this transaction from here on (see the savepoint below).
  client.exec(`INSERT INTO ${quote(index)}(${quote(index)}) VALUES ('delete-all')`);
  const bytes = Buffer.from(values);
  let at = 0;
  const value = (): unknown => {
    const tag = bytes[at++];
    if (tag === NULL) return null;
    if (tag === INTEGER || tag === REAL) {
      const v = tag === INTEGER ? bytes.readBigInt64LE(at) : bytes.readDoubleLE(at);
      at += 8;
      return v;
    }
    const length = bytes.readUInt32LE(at);
    const start = at + 4;
    at = start + length;
    if (tag === TEXT) return bytes.toString('utf8', start, at);
    if (tag === BLOB) return bytes.subarray(start, at);
    throw new Error(`internal: a packed search index value of unknown kind ${tag}`);
  };
  // Shadow tables are read-only to SQL in better-sqlite3's defensive mode.
  client.unsafeMode(true);
  try {
    for (const table of tables) {
      client.exec(`DELETE FROM ${quote(table.name)}`);
      const insert = client.prepare(
        `INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      const row = new Array<unknown>(table.columns.length);
      for (let r = 0; r < table.rows; r++) {
        for (let c = 0; c < row.length; c++) row[c] = value();
        insert.run(row);
      }
    }
  } finally {
    client.unsafeMode(false);
  }
  if (at !== bytes.length) throw new Error('internal: the packed search index was not read to its end');
  // FTS5 keeps an index's structure, totals and settings in memory per connection, and reads them
  // again only after another connection's commit or a rollback, so this connection would go on with
  // the empty index of the delete-all (and write over the copy at its next change). Rolling back to
  // a savepoint taken after the copy changes nothing in the database, and makes FTS5 forget what it
  // kept and read the copy afresh.
  client.exec('SAVEPOINT po_search_copy; ROLLBACK TO po_search_copy; RELEASE po_search_copy');
  return true;
}
