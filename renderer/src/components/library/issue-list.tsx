// A template's problems under the field they are in: errors in red, warnings in amber, each naming its
// line; choosing one selects the offending text in the field.
import type { TemplateIssue } from '../../../../common/templates/engine';
import { useT } from '../../i18n/use-t';
import { issueText } from './issue-text';

export function IssueList({
  issues,
  onPick,
  testId,
}: {
  issues: TemplateIssue[];
  onPick: (issue: TemplateIssue) => void;
  testId: string;
}) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <ul className="template-issues" data-testid={testId} aria-live="polite">
      {issues.map((issue) => (
        <li key={`${issue.field}-${issue.line}-${issue.column}-${issue.code}`}>
          <button
            type="button"
            className={`template-issue template-issue-${issue.severity}`}
            onClick={() => onPick(issue)}
            title={t('library.template.issueJump')}
            data-testid={`template-issue-${issue.severity}`}
          >
            {issueText(issue, t)}
          </button>
        </li>
      ))}
    </ul>
  );
}
