// Turns validation problems into catalog messages. Two sources: zod issues from the shared schemas
// (checked in the form before sending) and the server's `issues` ({ path, message }, the same zod
// messages, or a service's own). Messages from common/ are matched by their text, the only thing the
// server sends; an unknown one falls back to a generic message.
import type { MessageParams } from '../i18n/interpolate';
import type { MessageKey } from '../i18n/zh-CN';

export interface IssueLike {
  code?: string | undefined;
  message: string;
  path?: readonly PropertyKey[] | string | undefined;
  maximum?: number | bigint | undefined;
  minimum?: number | bigint | undefined;
  origin?: string | undefined;
  expected?: string | undefined;
  errors?: readonly (readonly IssueLike[])[] | undefined;
}

export interface IssueMessage {
  key: MessageKey;
  params?: MessageParams;
  /** The message names the field (`{field}`): the form fills in the field's label. */
  needsField?: boolean;
}

const BY_TEXT: [RegExp, IssueMessage][] = [
  [/is required/, { key: 'validation.required', needsField: true }],
  [/valid date/, { key: 'validation.invalidDate' }],
  [/e-mail address/, { key: 'validation.invalidEmail' }],
  [/tenure ends before it starts/, { key: 'validation.tenureEndBeforeStart' }],
  [/listing period ends before it starts/, { key: 'validation.listedEndBeforeStart' }],
  [/unpaired surrogate/, { key: 'validation.invalidText' }],
  [/already called/, { key: 'validation.nameTaken' }],
  [/does not take part in this conference/, { key: 'error.speakerDepartment' }],
  [/booked twice|listed twice/, { key: 'error.bookedTwice' }],
  [/is not later/, { key: 'error.conference.laterDate' }],
  [/is required once the quarter has ended/, { key: 'validation.required', needsField: true }],
  [/must be a time HH:MM/, { key: 'validation.invalidTime' }],
  [/received undefined|received null/, { key: 'validation.required', needsField: true }],
];

function bound(n: number | bigint | undefined, fallback: string): string {
  return n === undefined ? fallback : String(n);
}

export function issueMessage(issue: IssueLike): IssueMessage {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { key: 'validation.tooLong', params: { max: bound(issue.maximum, '?') } }
        : { key: 'validation.tooBig', params: { max: bound(issue.maximum, '?') } };
    case 'too_small':
      return issue.origin === 'string'
        ? { key: 'validation.required', needsField: true }
        : { key: 'validation.tooSmall', params: { min: bound(issue.minimum, '?') } };
    case 'invalid_value':
      return { key: 'validation.choose', needsField: true };
    case 'invalid_union': {
      for (const branch of issue.errors ?? []) {
        for (const inner of branch) {
          const mapped = issueMessage(inner);
          if (mapped.key !== 'validation.invalid') return mapped;
        }
      }
      return { key: 'validation.invalid' };
    }
    case 'invalid_type': {
      if (/received (undefined|null)/.test(issue.message)) return { key: 'validation.required', needsField: true };
      if (issue.expected === 'int') return { key: 'validation.integer' };
      if (issue.expected === 'number') return { key: 'validation.number' };
      return { key: 'validation.invalid' };
    }
    default:
      break;
  }
  for (const [pattern, mapped] of BY_TEXT) if (pattern.test(issue.message)) return mapped;
  // Server-side zod text for limits, e.g. "Too big: expected string to have <=200 characters".
  const max = /expected string to have <=(\d+)/.exec(issue.message);
  if (max) return { key: 'validation.tooLong', params: { max: max[1] ?? '?' } };
  return { key: 'validation.invalid' };
}

/** The first path segment names the form field (`name`, `tenureEnd`); nested paths are not form fields. */
export function issueField(issue: IssueLike): string | null {
  const path = issue.path;
  if (path === undefined) return null;
  if (typeof path === 'string') return /^[A-Za-z]\w*$/.test(path) ? path : null;
  const first = path[0];
  return path.length === 1 && typeof first === 'string' ? first : null;
}
