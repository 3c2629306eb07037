// The one IPC channel. Main answers only its own pages, only with contract methods, and always
// with a Result value: nothing is thrown across and the event never leaves this file.
import { ipcMain, type WebFrameMain } from 'electron';
import { isMethod } from '../common/contract';
import type { Result } from '../common/result';
import type { ServiceContext } from '../services/context';
import { dispatchAsync } from '../services/dispatch';
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
  // Every answer goes through dispatchAsync (an invoke is answered asynchronously anyway): so the window's
  // first dashboard.get can wait for the one being answered ahead at start-up (dispatch.ts answerAhead).
  return dispatchAsync(ctx, method, input);
}

/** Registers the channel; the returned function removes it (on quit). */
export function registerIpc(ctx: ServiceContext): () => void {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => handleInvoke(ctx, event, method, input));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
