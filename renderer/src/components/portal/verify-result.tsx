// What verify-portal found: 校验通过 with the package's counts, or every problem, each naming its file.
import { Alert } from 'antd';
import type { Output } from '../../../../common/contract';
import { useT } from '../../i18n/use-t';
import { verifyProblemText } from './portal-text';

export function VerifyResult({
  result,
  testId = 'verify-result',
}: {
  result: Output<'portal.verify'>;
  testId?: string;
}) {
  const t = useT();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('portal.verify.ok', { sequence: result.sequence ?? '', items: result.items, files: result.files })}
        data-testid={testId}
        data-ok="true"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('portal.verify.failed', { count: result.problems.length })}
      description={
        <ul className="portal-problems">
          {result.problems.map((p) => (
            <li key={p} data-testid="verify-problem">
              {verifyProblemText(p, t)}
            </li>
          ))}
        </ul>
      }
      data-testid={testId}
      data-ok="false"
    />
  );
}
