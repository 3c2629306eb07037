// The sandboxed preload (bundled to dist/preload.cjs): one `invoke(method, input)` for contract
// methods only. Never ipcRenderer itself, never the event.
import { contextBridge, ipcRenderer } from 'electron';
import { type Input, isMethod, type Method, type Output } from '../common/contract';
import type { Result } from '../common/result';
import { BRIDGE_KEY, IPC_CHANNEL } from './constants';

/** What the renderer sees as `window.pressOffice`. */
export interface PressOfficeBridge {
  invoke<M extends Method>(method: M, input?: Input<M>): Promise<Result<Output<M>>>;
}

export async function invoke(method: unknown, input?: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `unknown method ${JSON.stringify(String(method)).slice(0, 120)}` },
    };
  }
  try {
    return (await ipcRenderer.invoke(IPC_CHANNEL, method, input)) as Result<unknown>;
  } catch (err) {
    // Input that cannot be cloned across the boundary (functions, DOM nodes) lands here.
    return { ok: false, error: { code: 'internal', message: `${method}: ${(err as Error).message}` } };
  }
}

const bridge = Object.freeze({ invoke }) as PressOfficeBridge;
contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
