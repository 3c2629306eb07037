// Why a save was refused, in terms the editor acts on: someone else saved a newer version, or the
// document left draft (submitted, approved) while it was open. Both are answered by reloading.
import { ApiRequestError } from '../../api/client';

export type SaveRefusal = { kind: 'newerVersion'; version: number | null } | { kind: 'notEditable' } | null;

export function saveRefusal(err: unknown): SaveRefusal {
  if (!(err instanceof ApiRequestError) || err.code !== 'conflict') return null;
  if (/changed by someone else/.test(err.message)) {
    const m = /now version (\d+)/.exec(err.message);
    return { kind: 'newerVersion', version: m?.[1] ? Number(m[1]) : null };
  }
  if (/reopen it before editing/.test(err.message)) return { kind: 'notEditable' };
  return null;
}

/** The server refused a review step because the drafter may not review their own document. */
export function isOwnReviewRefusal(err: unknown): boolean {
  return err instanceof ApiRequestError && err.code === 'conflict' && /cannot review their own/.test(err.message);
}
