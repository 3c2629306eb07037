// The API client, derived from the contract: one typed `invoke` over the preload bridge (Electron) or
// HTTP (browser mode). A `{ ok: false }` answer becomes a thrown ApiRequestError so react-query's error
// state works.
import type { Input, Method, Output } from '../../../common/contract';
import type { ApiError, ErrorCode, Result } from '../../../common/result';
import { sessionToken } from './session-token';

export class ApiRequestError extends Error {
  readonly code: ErrorCode;
  readonly method: string;
  readonly issues: { path: string; message: string }[];
  constructor(method: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.method = method;
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

const TOKEN_HEADER = 'x-press-office-token';

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: sessionToken() ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `network: ${(err as Error).message}` } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}: the answer is not JSON` } };
  }
}

function transport(method: string, input: unknown): Promise<Result<unknown>> {
  const bridge = window.pressOffice;
  if (bridge?.invoke) return bridge.invoke(method, input);
  return overHttp(method, input);
}

/**
 * Requests made by early-requests.ts while the app's code was still loading, each handed to the first
 * `invoke` of its method and then forgotten (so later calls ask again).
 */
const early = new Map<string, Promise<Result<unknown>>>();
const earlyKey = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

export function askEarly<M extends Method>(method: M, input: Input<M>): void {
  early.set(earlyKey(method, input), transport(method, input));
}

export async function invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const key = earlyKey(method, input);
  const asked = early.get(key);
  early.delete(key);
  const result = await (asked ?? transport(method, input));
  if (!result.ok) throw new ApiRequestError(method, result.error);
  return result.value as Output<M>;
}
