// The one entry point for IPC and HTTP: check the method name, parse the input with the contract's
// schema, run the handler, and answer with a value or a coded error. Nothing throws across.
import { ZodError } from 'zod';
import { contract, isMethod } from '../common/contract';
import { AppError, formatPath, type Result } from '../common/result';
import type { ServiceContext } from './context';
import { type Handlers, handlers } from './handlers';

export function zodIssues(err: ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export function dispatch(ctx: ServiceContext, method: unknown, rawInput: unknown): Result<unknown> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `unknown method ${JSON.stringify(String(method)).slice(0, 120)}` },
    };
  }
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const message = `${method}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
    return { ok: false, error: { code: 'invalid_input', message, issues } };
  }
  try {
    const handler = handlers[method] as (c: ServiceContext, input: unknown) => unknown;
    return { ok: true, value: handler(ctx, parsed.data) };
  } catch (err) {
    return { ok: false, error: toApiError(method, err) };
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
