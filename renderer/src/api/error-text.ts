// A failed request in the user's words. Known service messages get their own text; otherwise the
// error code's text, with the technical message as detail for whoever has to look into it.
import type { Translate } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { ApiRequestError } from './client';

const KNOWN: [RegExp, MessageKey][] = [
  [/already called/, 'validation.nameTaken'],
  [/is not current/, 'error.notCurrent'],
  [/archive instead/, 'error.hasRecords'],
  [/merged into itself/, 'error.mergeSelf'],
  [/only a planned conference/, 'error.conference.notPlanned'],
  [/cancelled conference cannot/, 'error.conference.cancelled'],
  [/recorded on or after the day/, 'error.conference.notYet'],
  [/must be later than the planned/, 'error.conference.laterDate'],
  [/give a reason/, 'error.conference.reason'],
  [/not in the future; propose/, 'error.conference.notFuture'],
  [/rule already takes effect/, 'error.rule.clash'],
  [/does not take part in this conference/, 'error.speakerDepartment'],
  [/booked twice|listed twice/, 'error.bookedTwice'],
];

export function apiErrorText(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError) {
    for (const [pattern, key] of KNOWN) if (pattern.test(err.message)) return t(key);
    return `${t(`error.${err.code}`)} ${t('error.detail', { detail: err.message })}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `${t('error.internal')} ${t('error.detail', { detail: message })}`;
}
