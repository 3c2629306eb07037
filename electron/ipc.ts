// The one IPC channel. Main answers only its own pages, only with contract methods, and always
// with a Result value: nothing is thrown across and the event never leaves this file.
import { ipcMain, type WebFrameMain } from 'electron';
import { ASYNC_METHODS, isMethod } from '../common/contract';
import type { Result } from '../common/result';
import type { ServiceContext } from '../services/context';
import { dispatch, dispatchAsync } from '../services/dispatch';
import { IPC_CHANNEL, isAppUrl } from './constants';

/** True when the calling frame shows a page of app://press-office (not a data:, file: or web page). */
export function isAppSender(frame: Pick<WebFrameMain, 'url'> | null | undefined): boolean {
  return frame != null && isAppUrl(frame.url);
}

interface InvokeEvent {
  readonly senderFrame: Pick<WebFrameMain, 'url'> | null;
}

function senderOf(event: InvokeEvent): Pick<WebFrameMain, 'url'> | null {
  try {
    return event.senderFrame;
  } catch {
    // Electron throws when the frame navigated or was disposed before the call arrived.
    return null;
  }
}

export function handleInvoke(
  ctx: ServiceContext,
  event: InvokeEvent,
  method: unknown,
  input: unknown,
): Result<unknown> | Promise<Result<unknown>> {
  if (!isAppSender(senderOf(event))) {
    return { ok: false, error: { code: 'forbidden', message: 'IPC call from a page that is not the app was refused' } };
  }
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `unknown method ${JSON.stringify(String(method)).slice(0, 120)}` },
    };
  }
  try {
    return ASYNC_METHODS.has(method) ? dispatchAsync(ctx, method, input) : dispatch(ctx, method, input);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${(err as Error).message}` } };
  }
}

/** Registers the channel; the returned function removes it (on quit). */
export function registerIpc(ctx: ServiceContext): () => void {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => handleInvoke(ctx, event, method, input));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
