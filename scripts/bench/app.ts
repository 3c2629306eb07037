// Opening the benchmark's database the way the app does, with the clock fixed at the dataset's
// "today", and calling operations through the real dispatcher.
import type { Input, Method, Output } from '../../common/contract';
import { dispatch, dispatchAsync } from '../../services/dispatch';
import { type OpenedApp, openApp } from '../../services/open-app';
import { DATASET_NOW } from './generate';

export function openBenchApp(dbPath: string, migrationsFolder: string | undefined, seed = true): OpenedApp {
  const now = new Date(DATASET_NOW);
  return openApp(dbPath, { mode: 'cli', actor: 'bench', seed, now: () => now, migrationsFolder });
}

export function call<M extends Method>(app: OpenedApp, method: M, input: Input<M>): Output<M> {
  const r = dispatch(app.ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
}

export async function callAsync<M extends Method>(app: OpenedApp, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await dispatchAsync(app.ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
}
