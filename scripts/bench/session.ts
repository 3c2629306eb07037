// The generator's handle on the app. Register changes go through the app's dispatcher (schema, then
// handler) as the UI's would. The bulk (conferences, check-ins, documents, reviews, answers,
// opinions) is validated with the same contract schema and then written by the db/queries function
// the handler calls, with a stamp naming the member of staff: that skips only the detail read a
// handler returns to the UI and the settings round trip of switching users. Writes are grouped into
// one transaction per chunk (the functions' own transactions become savepoints inside it), so a
// decade does not pay one synchronous=FULL commit per record.
import { contract, type Input, type Method, type Output, type ParsedInput } from '../../common/contract';
import type { Stamp } from '../../db/stamp';
import { makeStamp, type ServiceContext } from '../../services/context';
import { dispatch } from '../../services/dispatch';
import type { OpenedApp } from '../../services/open-app';

const CHUNK = 2_000;

export class Session {
  /** Calls per method, for the summary. */
  readonly calls = new Map<string, number>();
  /** Rows written, by kind (attendance, versions …): what "records/s" counts. */
  readonly records = new Map<string, number>();
  /** Milliseconds spent per method (wall clock), for profiling the generator (BENCH_PROFILE=1). */
  readonly spent = new Map<string, number>();
  private user: string | null = null;
  private inChunk = 0;

  constructor(readonly app: OpenedApp) {}

  get ctx(): ServiceContext {
    return this.app.ctx;
  }

  /** Calls an operation through the real dispatcher; a refusal is a bug in the generator. */
  call<M extends Method>(method: M, input: Input<M>): Output<M> {
    return this.timed(method, () => {
      const r = dispatch(this.app.ctx, method, input);
      if (!r.ok) throw new Error(`bench data: ${method} was refused: ${r.error.code}: ${r.error.message}`);
      return r.value as Output<M>;
    });
  }

  /**
   * Validates `input` with the contract's schema for `method`, then runs `write` (the db/queries
   * function its handler uses) as `actor`.
   */
  write<M extends Method, T>(
    method: M,
    input: Input<M>,
    actor: string,
    write: (parsed: ParsedInput<M>, stamp: Stamp, ctx: ServiceContext) => T,
  ): T {
    return this.timed(method, () => {
      const parsed = contract[method].input.safeParse(input);
      if (!parsed.success) throw new Error(`bench data: ${method}: invalid input: ${parsed.error.message}`);
      return write(parsed.data as ParsedInput<M>, makeStamp(this.app.ctx, actor), this.app.ctx);
    });
  }

  /** Acts as `userName` for dispatched calls from now on (settings.update, as the user would). */
  as(userName: string): void {
    if (this.user === userName) return;
    this.call('settings.update', { userName });
    this.user = userName;
  }

  count(kind: string, n = 1): void {
    this.records.set(kind, (this.records.get(kind) ?? 0) + n);
  }

  get totalRecords(): number {
    let n = 0;
    for (const v of this.records.values()) n += v;
    return n;
  }

  get totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  commit(): void {
    if (this.app.client.inTransaction) this.app.client.exec('COMMIT');
    this.inChunk = 0;
  }

  private timed<T>(method: string, run: () => T): T {
    if (!this.app.client.inTransaction) this.app.client.exec('BEGIN IMMEDIATE');
    const t0 = performance.now();
    const result = run();
    this.spent.set(method, (this.spent.get(method) ?? 0) + performance.now() - t0);
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    if (++this.inChunk >= CHUNK) this.commit();
    return result;
  }
}
