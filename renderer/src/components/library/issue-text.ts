// A template's problems in the user's words. The editor's own check (validateTemplate) gives coded
// issues; a refused save gives the server's English text (`line 4: body line 4: unknown placeholder
// {{x}} (did you mean {{y}}?)`), read back into the same shape so both are worded alike.
import type { IssueCode, TemplateIssue } from '../../../../common/templates/engine';
import type { Translate } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';

export type IssueFacts = Pick<TemplateIssue, 'code' | 'field' | 'line' | 'text'> & {
  suggestion?: string | undefined;
};

const EXAMPLE_KEY = '{{conference.title}}';

function explain(issue: IssueFacts, t: Translate): string {
  const text = issue.text;
  const suggestion = issue.suggestion ? `{{${issue.suggestion}}}` : '';
  const messages: Record<IssueCode, () => string> = {
    'unknown-placeholder': () =>
      suggestion ? t('library.issue.unknown', { text, suggestion }) : t('library.issue.unknownNoHint', { text }),
    'unclosed-braces': () => t('library.issue.unclosed', { text }),
    'empty-placeholder': () => t('library.issue.empty', { text }),
    'invalid-key': () => t('library.issue.invalidKey', { text, example: EXAMPLE_KEY }),
    'full-width-braces': () => t('library.issue.fullWidth'),
    'single-braces': () => t('library.issue.singleBraces', { text, suggestion }),
  };
  return messages[issue.code]();
}

/** `第4行：未知占位符 {{conference.titel}}，是否为 {{conference.title}}？`; a title issue has no line. */
export function issueText(issue: IssueFacts, t: Translate): string {
  const where = issue.field === 'body' ? t('library.issue.line', { line: issue.line }) : '';
  return `${where}${explain(issue, t)}`;
}

/** The same, naming the field: for a list that holds both the title's and the body's problems. */
export function issueTextWithField(issue: IssueFacts, t: Translate): string {
  const field: MessageKey = issue.field === 'title' ? 'library.template.field.title' : 'library.template.field.body';
  return `${t(field)}${t('library.issue.separator')}${issueText(issue, t)}`;
}

const READERS: [RegExp, IssueCode][] = [
  [/unknown placeholder (\{\{.*?\}\})(?: \(did you mean \{\{([^}]*)\}\}\?\))?$/, 'unknown-placeholder'],
  [/^(.*) has \{\{ without a closing \}\} on the same line$/, 'unclosed-braces'],
  [/^empty placeholder (.*)$/, 'empty-placeholder'],
  [/^malformed placeholder (.*?): a key is ASCII letters/, 'invalid-key'],
  [/^full-width braces/, 'full-width-braces'],
  [/^(.*) has single braces: write \{\{([^}]*)\}\}$/, 'single-braces'],
];

/**
 * A server issue of a refused template save, as the editor's issues; null when its text is not one
 * the template check writes (shown as it came, then).
 */
export function readServerIssue(issue: { path: string; message: string }): IssueFacts | null {
  if (issue.path !== 'title' && issue.path !== 'body') return null;
  const field = issue.path;
  let rest = issue.message;
  let line = 1;
  // Both the service's `line N:` and the check's own `body line N:` / `title:` prefixes.
  for (;;) {
    const m = /^(?:(?:title|body) )?line (\d+): |^title: /.exec(rest);
    if (!m) break;
    if (m[1]) line = Number(m[1]);
    rest = rest.slice(m[0].length);
  }
  for (const [pattern, code] of READERS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    return {
      code,
      field,
      line,
      text: code === 'full-width-braces' ? '｛｛' : (m[1] ?? ''),
      ...(m[2] ? { suggestion: m[2] } : {}),
    };
  }
  return null;
}

/** A refused save's issues in the user's words, the unreadable ones as the server wrote them. */
export function serverIssueTexts(issues: readonly { path: string; message: string }[], t: Translate): string[] {
  return issues.map((issue) => {
    const read = readServerIssue(issue);
    return read ? issueTextWithField(read, t) : `${issue.path}: ${issue.message}`;
  });
}
