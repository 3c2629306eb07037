import type { Input, Method, Output } from '../../../common/contract';
import type { ApiError } from '../../../common/result';
import { dispatch } from '../../../services/dispatch';
import type { TestApp } from './app';

/** Calls an operation through the real dispatcher and unwraps the value. */
export function call<M extends Method>(app: Pick<TestApp, 'ctx'>, method: M, input: Input<M>): Output<M> {
  const r = dispatch(app.ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
}

/** Calls an operation that must fail, and returns its error. */
export function refuse<M extends Method>(app: Pick<TestApp, 'ctx'>, method: M, input: unknown): ApiError {
  const r = dispatch(app.ctx, method, input);
  if (r.ok) throw new Error(`${method} succeeded but should have failed`);
  return r.error;
}
