// The one entry point for IPC and HTTP: check the method name, parse the input with the contract's
// schema, run the handler, and answer with a value or a coded error. Nothing throws across.
import { ZodError } from 'zod';
import { ASYNC_METHODS, contract, isMethod, type Method } from '../common/contract';
import { AppError, formatPath, type Result } from '../common/result';
import type { ServiceContext } from './context';
import { type Handlers, handlers } from './handlers';

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

/** For the synchronous operations (all but ASYNC_METHODS): validate, run, answer. */
export function dispatch(ctx: ServiceContext, method: unknown, rawInput: unknown): Result<unknown> {
  const p = prepare(method, rawInput);
  if (!p.ok) return p.result;
  if (ASYNC_METHODS.has(p.method)) {
    return {
      ok: false,
      error: { code: 'internal', message: `${p.method} answers asynchronously: call dispatchAsync` },
    };
  }
  try {
    return { ok: true, value: run(ctx, p.method, p.input) };
  } catch (err) {
    return { ok: false, error: toApiError(p.method, err) };
  }
}

/** For every operation: what IPC and the browser-mode server call. */
export async function dispatchAsync(ctx: ServiceContext, method: unknown, rawInput: unknown): Promise<Result<unknown>> {
  const p = prepare(method, rawInput);
  if (!p.ok) return p.result;
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
