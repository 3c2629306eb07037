// 部门端: the packs this copy of the app opened from the office's files, and one of them open for
// editing. Opening the same file again keeps the edits made so far.
import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PackSummary } from '../../../../common/pack-types';
import { useOpenPack, usePacks } from '../../api/exchange-hooks';
import { formatTime } from '../../format-time';
import { useT } from '../../i18n/use-t';
import { useSessionState } from '../../use-session-state';
import { QueryError } from '../query-state';
import { FilePicker } from './file-picker';
import { PackEditor } from './pack-editor';
import { exchangeErrorText } from './server-text';

export function DepartmentPacks() {
  const t = useT();
  const { message } = App.useApp();
  const packs = usePacks();
  const open = useOpenPack();
  const [state, setState] = useSessionState<{ packId: string | null }>('exchange.openPack', { packId: null });
  const [error, setError] = useState<string | null>(null);

  if (state.packId) return <PackEditor packId={state.packId} onBack={() => setState({ packId: null })} />;

  const opened = (packs.data ?? []).filter((p) => p.direction === 'opened');
  const columns: TableColumnsType<PackSummary> = [
    { title: t('exchange.col.department'), dataIndex: 'departmentName', width: 160 },
    { title: t('exchange.col.office'), dataIndex: 'office', ellipsis: true },
    { title: t('exchange.col.opened'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatTime(v) },
    { title: t('exchange.col.documents'), dataIndex: 'documents', width: 90, align: 'right' },
    { title: t('exchange.col.answers'), dataIndex: 'answers', width: 90, align: 'right' },
    {
      title: t('exchange.col.replied'),
      dataIndex: 'returnedAt',
      width: 200,
      render: (v: string | null) =>
        v ? (
          <Space size={4}>
            <Tag color="green">{t('exchange.replied.yes')}</Tag>
            <span>{formatTime(v)}</span>
          </Space>
        ) : (
          <Tag>{t('exchange.replied.no')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 90,
      render: (_, p) => (
        <Button size="small" onClick={() => setState({ packId: p.id })} data-testid={`open-pack-${p.id}`}>
          {t('exchange.dept.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" className="block" title={t('exchange.dept.title')} data-testid="department-packs">
      <Typography.Paragraph type="secondary">{t('exchange.dept.intro')}</Typography.Paragraph>
      <div className="block-tight">
        <FilePicker
          label={t('exchange.dept.open')}
          accept=".json"
          primary
          testId="open-pack-upload"
          busy={open.isPending}
          onFile={(file) => {
            setError(null);
            open.mutate(file, {
              onSuccess: (summary) => {
                void message.success(t('exchange.dept.opened', { name: summary.departmentName }));
                setState({ packId: summary.id });
              },
              onError: (err) => setError(exchangeErrorText(err, t)),
            });
          }}
        />
      </div>
      {error ? <Alert type="error" showIcon title={error} className="block" data-testid="open-pack-error" /> : null}
      {packs.error ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      ) : (
        <Table<PackSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={opened}
          loading={packs.isLoading}
          pagination={opened.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t('exchange.dept.empty') }}
          data-testid="opened-packs"
        />
      )}
    </Card>
  );
}
