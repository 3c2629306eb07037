// The one entry point for IPC and HTTP: check the method name, parse the input with the contract's
// schema, run the handler, and answer with a value or a coded error. Nothing throws across.
import { ZodError } from 'zod';
import { ASYNC_METHODS, contract, isMethod, type Method } from '../common/contract';
import { localDate } from '../common/dates';
import { AppError, formatPath, type Result } from '../common/result';
import type { ServiceContext } from './context';
import { dataVersion } from './data-version';
import { type Handlers, handlers, stepwise } from './handlers';

export function zodIssues(err: ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

type Prepared = { ok: false; result: Result<unknown> } | { ok: true; method: Method; input: unknown };

function prepare(method: unknown, rawInput: unknown): Prepared {
  if (!isMethod(method)) {
    const message = `unknown method ${JSON.stringify(String(method)).slice(0, 120)}`;
    return { ok: false, result: { ok: false, error: { code: 'unknown_method', message } } };
  }
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const message = `${method}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
    return { ok: false, result: { ok: false, error: { code: 'invalid_input', message, issues } } };
  }
  return { ok: true, method, input: parsed.data };
}

const run = (ctx: ServiceContext, method: Method, input: unknown) =>
  (handlers[method] as (c: ServiceContext, input: unknown) => unknown)(ctx, input);

/** How long an answer given ahead stays good for the question it answers (see `answerAhead`). */
export const AHEAD_FRESH_MS = 5_000;

interface Question {
  db: ServiceContext['db'];
  method: Method;
  /** The parsed input, as JSON. */
  input: string;
}
interface Ahead extends Question {
  version: string;
  day: string;
  at: number;
  value: unknown;
}
/** The answer given ahead, until a call takes it. */
let ahead: Ahead | null = null;
/** The answer being given ahead, step by step: a call asking the same waits for it. */
let inFlight: (Question & { done: Promise<unknown> }) | null = null;

const sameQuestion = (q: Question, ctx: ServiceContext, method: Method, input: unknown) =>
  q.method === method && q.db === ctx.db && q.input === JSON.stringify(input);

/** Lets other work (requests, the window's files) run: one turn of the event loop. */
const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Answers a question before it is asked: the first screen's, at start-up (services/startup.ts), while the
 * window is still loading its code. A handler with a stepwise form (handlers.ts `stepwise`) runs read by
 * read, with a turn of the event loop between reads, so the window's files are served meanwhile; a call
 * asking the same question meanwhile waits for the answer instead of computing it too. The answer is kept
 * for the first call that asks the same (method and input) on the same database, which gets it instead of
 * computing it again, if it is still what that call would compute: nothing written from the start of the
 * computation until the call (by this connection or another: data-version.ts), the same day, and at most
 * AHEAD_FRESH_MS old. It is handed out once; a failure is not kept (the real call meets it itself).
 */
export async function answerAhead(ctx: ServiceContext, method: Method, rawInput: unknown): Promise<Result<unknown>> {
  ahead = null;
  const p = prepare(method, rawInput);
  if (!p.ok) return p.result;
  const question: Question = { db: ctx.db, method: p.method, input: JSON.stringify(p.input) };
  const version = dataVersion(ctx);
  const day = localDate(ctx.now());
  const steps = stepwise[p.method] as ((c: ServiceContext, input: unknown) => Generator<void, unknown>) | undefined;
  let result: Result<unknown>;
  if (steps) {
    const computing = (async (): Promise<Result<unknown>> => {
      try {
        const it = steps(ctx, p.input);
        for (let step = it.next(); ; step = it.next()) {
          if (step.done) return { ok: true, value: step.value };
          await nextTurn();
          // The database was swapped (a restore) meanwhile: what was read so far is of the old one.
          if (ctx.db !== question.db) return { ok: false, error: { code: 'internal', message: 'database replaced' } };
        }
      } catch (err) {
        return { ok: false, error: toApiError(p.method, err) };
      }
    })();
    inFlight = { ...question, done: computing };
    result = await computing;
    if (inFlight?.done === computing) inFlight = null;
  } else {
    result = runSync(ctx, p.method, p.input);
  }
  // Kept only if nothing was written while it was computed (a write between two reads would mix states).
  if (result.ok && ctx.db === question.db && dataVersion(ctx) === version) {
    ahead = { ...question, version, day, at: performance.now(), value: result.value };
  }
  return result;
}

function takeAhead(ctx: ServiceContext, method: Method, input: unknown): Result<unknown> | null {
  const kept = ahead;
  if (!kept || !sameQuestion(kept, ctx, method, input)) return null;
  ahead = null;
  const good =
    performance.now() - kept.at <= AHEAD_FRESH_MS &&
    localDate(ctx.now()) === kept.day &&
    dataVersion(ctx) === kept.version;
  return good ? { ok: true, value: kept.value } : null;
}

/** For the synchronous operations (all but ASYNC_METHODS): validate, run, answer. */
export function dispatch(ctx: ServiceContext, method: unknown, rawInput: unknown): Result<unknown> {
  const p = prepare(method, rawInput);
  if (!p.ok) return p.result;
  return takeAhead(ctx, p.method, p.input) ?? runSync(ctx, p.method, p.input);
}

function runSync(ctx: ServiceContext, method: Method, input: unknown): Result<unknown> {
  if (ASYNC_METHODS.has(method)) {
    return {
      ok: false,
      error: { code: 'internal', message: `${method} answers asynchronously: call dispatchAsync` },
    };
  }
  try {
    return { ok: true, value: run(ctx, method, input) };
  } catch (err) {
    return { ok: false, error: toApiError(method, err) };
  }
}

/** For every operation: what IPC and the browser-mode server call. */
export async function dispatchAsync(ctx: ServiceContext, method: unknown, rawInput: unknown): Promise<Result<unknown>> {
  const p = prepare(method, rawInput);
  if (!p.ok) return p.result;
  const waiting = inFlight;
  if (waiting && sameQuestion(waiting, ctx, p.method, p.input)) await waiting.done;
  const kept = takeAhead(ctx, p.method, p.input);
  if (kept) return kept;
  try {
    return { ok: true, value: await run(ctx, p.method, p.input) };
  } catch (err) {
    return { ok: false, error: toApiError(p.method, err) };
  }
}

export function toApiError(
  method: string,
  err: unknown,
): { code: AppError['code']; message: string; issues?: { path: string; message: string }[] } {
  if (err instanceof AppError)
    return { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  if (err instanceof ZodError)
    return { code: 'invalid_input', message: `${method}: invalid input`, issues: zodIssues(err) };
  const message = err instanceof Error ? err.message : String(err);
  if (/UNIQUE constraint failed/.test(message)) return { code: 'conflict', message: `${method}: ${message}` };
  if (/FOREIGN KEY constraint failed/.test(message))
    return { code: 'conflict', message: `${method}: a referenced record is missing or still in use` };
  return { code: 'internal', message: `${method} failed: ${message}` };
}

export type { Handlers };
