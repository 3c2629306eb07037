// 数据备份 (a tab of the settings): the backups folder, "back up now", and restoring a backup. A restore
// swaps the database under the running app, so every cached query is invalidated afterwards.
import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { BackupView } from '../../../common/types';
import { useBackups, useCreateBackup, useRestoreBackup } from '../api/admin-hooks';
import { apiErrorText } from '../api/error-text';
import { QueryError } from '../components/query-state';
import { formatTime } from '../format-time';
import { type Translate, useT } from '../i18n/use-t';
import '../admin.css';

const KIND_COLOR: Record<BackupView['kind'], string> = {
  auto: 'default',
  manual: 'blue',
  import: 'geekblue',
  'pre-migration': 'purple',
  'pre-restore': 'orange',
};

export function sizeText(bytes: number, t: Translate): string {
  if (bytes < 1024 * 1024) return t('backups.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('backups.size.mb', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

export function BackupsPanel() {
  const t = useT();
  const { message, modal } = App.useApp();
  const backups = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();

  const backUpNow = () =>
    create.mutate(undefined, {
      onSuccess: (b) => void message.success(t('backups.created', { time: formatTime(b.createdAt) })),
      onError: (err) => void message.error(t('backups.failed', { reason: apiErrorText(err, t) })),
    });

  const confirmRestore = (b: BackupView) => {
    const time = formatTime(b.createdAt);
    modal.confirm({
      title: t('backups.restore.title', { time }),
      width: 520,
      content: (
        <div data-testid="restore-confirm">
          <Typography.Paragraph>{t('backups.restore.body1')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('backups.restore.body2')}</Typography.Paragraph>
        </div>
      ),
      okText: t('backups.restore.ok'),
      okButtonProps: { danger: true, 'data-testid': 'restore-ok' },
      cancelText: t('common.cancel'),
      // The dialog stays open, its button spinning, until the swap is done.
      onOk: () =>
        restore.mutateAsync(b.name).then(
          ({ asidePath }) => {
            modal.success({
              title: t('backups.restore.done', { time }),
              width: 520,
              content: (
                <div data-testid="restore-done">
                  {asidePath ? (
                    <>
                      <Typography.Text>{t('backups.restore.aside')}</Typography.Text>
                      <Typography.Paragraph copyable className="backup-aside" data-testid="restore-aside">
                        {asidePath}
                      </Typography.Paragraph>
                    </>
                  ) : (
                    <Typography.Text>{t('backups.restore.noAside')}</Typography.Text>
                  )}
                </div>
              ),
              okText: t('common.ok'),
            });
          },
          (err: unknown) => void message.error(t('backups.restore.failed', { reason: apiErrorText(err, t) })),
        ),
    });
  };

  const columns: TableColumnsType<BackupView> = [
    {
      title: t('backups.col.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (at: string) => formatTime(at),
    },
    {
      title: t('backups.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: BackupView['kind']) => (
        <Tag color={KIND_COLOR[kind]} data-testid="backup-kind">
          {t(`backups.kind.${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('backups.col.size'),
      dataIndex: 'bytes',
      width: 100,
      align: 'right',
      render: (bytes: number) => sizeText(bytes, t),
    },
    {
      title: t('backups.col.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string) => (
        <Typography.Text type="secondary" className="audit-id" title={name}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      render: (_, b) => (
        <Button
          size="small"
          icon={<CloudDownloadOutlined />}
          onClick={() => confirmRestore(b)}
          disabled={restore.isPending}
          data-testid="backup-restore"
        >
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('backups.title')}
      className="block"
      data-testid="backups-panel"
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={backUpNow}
          loading={create.isPending}
          data-testid="backup-now"
        >
          {create.isPending ? t('backups.creating') : t('backups.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('backups.hint')}</Typography.Paragraph>
      {backups.error ? (
        <QueryError error={backups.error} onRetry={() => void backups.refetch()} />
      ) : (
        <Table<BackupView>
          rowKey="name"
          size="small"
          columns={columns}
          dataSource={backups.data ?? []}
          loading={backups.isLoading}
          locale={{ emptyText: t('backups.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="backups-table"
          rowClassName={(b) => `backup-${b.kind}`}
        />
      )}
    </Card>
  );
}
