// Loading and error states of a query, in the user's language.
import { Alert, Button, Spin } from 'antd';
import { apiErrorText } from '../api/error-text';
import { useT } from '../i18n/use-t';

export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={apiErrorText(error, t)}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      data-testid="load-error"
    />
  );
}

export function Loading() {
  const t = useT();
  return (
    <div className="page-loading">
      <Spin description={t('common.loading')} />
    </div>
  );
}
