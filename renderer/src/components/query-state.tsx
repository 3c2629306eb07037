// Loading and error states of a query, in the user's language: plain elements in the look of antd's Spin and
// error Alert, so that the first screen and its fallbacks need none of antd's code (components/plain.tsx).
import { apiErrorText } from '../api/error-text';
import { useT } from '../i18n/use-t';

export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="plain-alert plain-alert-error" role="alert" data-testid="load-error">
      <svg className="plain-alert-icon" viewBox="64 64 896 896" width="16" height="16" aria-hidden="true">
        <path
          fill="currentColor"
          fillRule="evenodd"
          d="M512 64c247.4 0 448 200.6 448 448S759.4 960 512 960 64 759.4 64 512 264.6 64 512 64zm127.98 274.82h-.04l-.08.06L512 466.75 384.14 338.88c-.04-.05-.06-.06-.08-.06a.12.12 0 00-.07 0c-.03 0-.05.01-.09.05l-45.02 45.02a.2.2 0 00-.05.09.12.12 0 000 .07v.02a.27.27 0 00.06.06L466.75 512 338.88 639.86c-.05.04-.06.06-.06.08a.12.12 0 000 .07c0 .03.01.05.05.09l45.02 45.02a.2.2 0 00.09.05.12.12 0 00.07 0c.02 0 .04-.01.08-.05L512 557.25l127.86 127.87c.04.04.06.05.08.05a.12.12 0 00.07 0c.03 0 .05-.01.09-.05l45.02-45.02a.2.2 0 00.05-.09.12.12 0 000-.07v-.02a.27.27 0 00-.05-.06L557.25 512l127.87-127.86c.04-.04.05-.06.05-.08a.12.12 0 000-.07c0-.03-.01-.05-.05-.09l-45.02-45.02a.2.2 0 00-.09-.05.12.12 0 00-.07 0z"
        />
      </svg>
      <div className="plain-alert-content">
        <div className="plain-alert-title">{t('error.loadFailed')}</div>
        <div className="plain-alert-description">{apiErrorText(error, t)}</div>
      </div>
      <button type="button" className="plain-button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="plain-spin" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <div className="plain-spin-text">{t('common.loading')}</div>
    </div>
  );
}
