// One document: edit (text or structured 答问口径), preview as a page, the review workflow, versions
// with a line diff, export to .docx and delete. Unsaved edits survive switching tabs and ask before
// the user leaves the page; a change of the current user reloads what they may do.
import { DeleteOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../common/document-types';
import { isEditable, isFinal } from '../../../common/domain/review';
import { ApiRequestError } from '../api/client';
import { useDocument, useExportDocument, useRemoveDocument } from '../api/document-hooks';
import { apiErrorText } from '../api/error-text';
import { useSettings } from '../api/hooks';
import { DocumentEditor } from '../components/documents/document-editor';
import { DocumentKindTag, DocumentStatusTag } from '../components/documents/document-tags';
import { ReleaseChannels } from '../components/portal/release-channels';
import '../components/documents/documents.css';
import { suggestedFileName } from '../components/documents/export-name';
import { PreviewPanel } from '../components/documents/preview-panel';
import { ReviewPanel } from '../components/documents/review-panel';
import { useDraft } from '../components/documents/use-draft';
import { useLeaveGuard } from '../components/documents/use-leave-guard';
import { VersionsPanel } from '../components/documents/versions-panel';
import { ExportDialog } from '../components/export-dialog';
import { Loading, QueryError } from '../components/query-state';
import { formatTime } from '../format-time';
import { useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';

type TabKey = 'edit' | 'preview' | 'review' | 'versions';

export function DocumentPage({ id }: { id: string }) {
  const t = useT();
  const query = useDocument(id);
  const userName = useSettings().data?.userName ?? '';

  // What the user may do depends on who they are: a switch of user asks again.
  const lastUser = useRef(userName);
  useEffect(() => {
    if (lastUser.current !== userName) void query.refetch();
    lastUser.current = userName;
  }, [userName, query]);

  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <div className="page">
        <a href={routeHref({ page: 'documents' })} className="back-link">
          {t('document.back')}
        </a>
        {query.error instanceof ApiRequestError && query.error.code === 'not_found' ? (
          <Alert type="warning" showIcon title={t('document.notFound')} data-testid="document-not-found" />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }
  return (
    <DocumentView
      doc={query.data}
      userName={userName}
      reload={async () => {
        const fresh = await query.refetch();
        return fresh.data ?? null;
      }}
    />
  );
}

function DocumentView({
  doc,
  userName,
  reload,
}: {
  doc: DocumentDetail;
  userName: string;
  reload: () => Promise<DocumentDetail | null>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const state = useDraft(doc);
  const [tab, setTab] = useState<TabKey>('edit');
  const [exporting, setExporting] = useState(false);
  const exportDoc = useExportDocument();
  const remove = useRemoveDocument();
  useLeaveGuard(state.dirty);

  const final = isFinal(doc.status);
  const awaitsMe = doc.allowed.some((a) => a === 'approve' || a === 'release');

  const onReload = async () => {
    const fresh = await reload();
    if (fresh) state.adopt(fresh);
  };

  const removeDocument = () =>
    remove.mutate(
      { id: doc.id },
      {
        onSuccess: () => {
          message.success(t('document.remove.done', { title: doc.title }));
          navigate({ page: 'documents' });
        },
        onError: (err) => message.error(apiErrorText(err, t)),
      },
    );

  return (
    <div className="page document-page" data-testid="document-page">
      <a href={routeHref({ page: 'documents' })} className="back-link">
        {t('document.back')}
      </a>
      <div className="page-header">
        <div className="doc-header-main">
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} className="page-title doc-page-title" data-testid="document-title">
              {doc.title}
            </Typography.Title>
            <DocumentKindTag kind={doc.kind} />
            <DocumentStatusTag status={doc.status} />
            <Typography.Text type="secondary" data-testid="document-version">
              {t('document.version', { version: doc.version })}
            </Typography.Text>
          </Space>
          <div className="doc-meta small">
            {doc.conferenceId ? (
              <a href={routeHref({ page: 'conference', id: doc.conferenceId })} data-testid="document-conference">
                {doc.conferenceDate} {doc.conferenceTitle}
              </a>
            ) : null}
            {doc.departmentId ? (
              <a href={routeHref({ page: 'department', id: doc.departmentId })}>{doc.departmentName}</a>
            ) : null}
            {doc.personName ? <span>{doc.personName}</span> : null}
            {doc.drafter ? <span className="muted">{t('document.drafter', { name: doc.drafter })}</span> : null}
            <span className="muted">{t('document.updated', { time: formatTime(doc.updatedAt).slice(0, 16) })}</span>
          </div>
        </div>
        <Space wrap>
          <Button
            icon={<FileWordOutlined />}
            onClick={() => setExporting(true)}
            title={final ? undefined : t('document.export.draftHint')}
            data-testid="export-document"
          >
            {t('document.export')}
          </Button>
          {isEditable(doc.status) ? (
            <Popconfirm
              title={t('document.remove.confirm', { title: doc.title })}
              okText={t('document.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending, ...{ 'data-testid': 'remove-confirm' } }}
              onConfirm={removeDocument}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="remove-document">
                {t('document.remove')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        className="doc-tabs"
        items={[
          {
            key: 'edit',
            label: (
              <span data-testid="tab-edit">
                {t('document.tab.edit')}
                {state.dirty ? <Badge status="warning" className="doc-tab-dot" /> : null}
              </span>
            ),
            children: <DocumentEditor doc={doc} state={state} userName={userName} onReload={onReload} />,
          },
          {
            key: 'preview',
            label: <span data-testid="tab-preview">{t('document.tab.preview')}</span>,
            children: <PreviewPanel id={doc.id} dirty={state.dirty} final={final} />,
          },
          {
            key: 'review',
            label: (
              <span data-testid="tab-review">
                {t('document.tab.review')}
                {awaitsMe ? <Badge status="processing" className="doc-tab-dot" /> : null}
              </span>
            ),
            children: (
              <>
                <ReviewPanel doc={doc} userName={userName} dirty={state.dirty} />
                <ReleaseChannels documentId={doc.id} status={doc.status} />
              </>
            ),
          },
          {
            key: 'versions',
            label: (
              <span data-testid="tab-versions">
                {t('document.tab.versions')} <span className="muted">{doc.versions.length}</span>
              </span>
            ),
            children: <VersionsPanel doc={doc} />,
          },
        ]}
      />
      <ExportDialog
        open={exporting}
        title={final ? t('document.export.title') : t('document.export.draftTitle')}
        fileName={suggestedFileName(doc.title, final, t('document.export.draftSuffix'))}
        testId="document-export-dialog"
        onClose={() => setExporting(false)}
        write={async (target) => [
          (
            await exportDoc.mutateAsync({
              id: doc.id,
              dir: target.dir,
              fileName: target.fileName,
              overwrite: target.overwrite,
            })
          ).path,
        ]}
      />
    </div>
  );
}
