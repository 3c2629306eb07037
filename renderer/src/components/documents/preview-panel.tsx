// 预览: the saved document as the server lays it out for export (documents.preview), drawn as a page.
import { Alert, Typography } from 'antd';
import { useDocumentPreview } from '../../api/document-hooks';
import { useT } from '../../i18n/use-t';
import { Loading, QueryError } from '../query-state';
import { DocumentSheet } from './document-sheet';

export function PreviewPanel({ id, dirty, final }: { id: string; dirty: boolean; final: boolean }) {
  const t = useT();
  const preview = useDocumentPreview(id);
  return (
    <div className="doc-preview" data-testid="preview-panel">
      {dirty ? (
        <Alert type="warning" showIcon className="block" title={t('preview.unsaved')} data-testid="preview-unsaved" />
      ) : null}
      <Typography.Paragraph type="secondary" className="small doc-preview-hint">
        {t('preview.hint')}
        {final ? null : <span className="doc-hint-extra">{t('document.export.draftHint')}</span>}
      </Typography.Paragraph>
      {preview.error ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : preview.data ? (
        <DocumentSheet doc={preview.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
