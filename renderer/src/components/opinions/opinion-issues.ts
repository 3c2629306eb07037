// The register's own problems in the user's words. The shared mapping (forms/issue-messages.ts) knows
// the generic ones (required, too long); these are the item's rules between fields
// (db/queries/opinions.ts opinionProblems) and its schema's own messages, matched by the server's text.
import type { FormInstance } from 'antd';
import type { Translate } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';

const BY_TEXT: [RegExp, MessageKey][] = [
  [/needs the time it was answered/, 'opinions.issue.answeredAtNeeded'],
  [/is before the item was detected/, 'opinions.issue.beforeDetected'],
  [/needs both to whom and when/, 'opinions.issue.reportPair'],
  [/answered by a press conference links to it/, 'opinions.issue.conferenceLink'],
  [/web address starting with http/, 'opinions.issue.link'],
  [/date and time with its offset/, 'opinions.issue.instant'],
];

export interface FieldIssue {
  path?: readonly PropertyKey[] | string | undefined;
  message: string;
}

/** The register's text for an issue it knows; null for the shared mapping to word. */
export function opinionIssueKey(message: string): MessageKey | null {
  for (const [pattern, key] of BY_TEXT) if (pattern.test(message)) return key;
  return null;
}

function fieldOf(issue: FieldIssue): string | null {
  const path = issue.path;
  if (typeof path === 'string') return /^[A-Za-z]\w*$/.test(path) ? path : null;
  const first = path?.[0];
  return path?.length === 1 && typeof first === 'string' ? first : null;
}

/**
 * Rewords the known issues on their fields, after the shared mapping has placed its generic text
 * ("填写有误"). Returns how many it rewrote.
 */
export function rewordOpinionIssues(form: FormInstance, issues: readonly FieldIssue[], t: Translate): number {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const key = opinionIssueKey(issue.message);
    const field = fieldOf(issue);
    if (!key || !field) continue;
    const text = t(key);
    const list = byField.get(field) ?? [];
    if (!list.includes(text)) list.push(text);
    byField.set(field, list);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size;
}
