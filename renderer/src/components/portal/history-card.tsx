// 导出记录: every package written, newest first. A past package can be written again, exactly, into a
// chosen folder (重新生成); its path can be shown and copied. In browser mode there is no "open
// folder", so the path is what the user gets.
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../common/contract';
import type { PortalExportView } from '../../../../common/opinion-types';
import { ApiRequestError } from '../../api/client';
import { usePortalHistory, useRecreatePortal, useVerifyPortal } from '../../api/portal-hooks';
import { formatTime } from '../../format-time';
import { useT } from '../../i18n/use-t';
import { Loading, QueryError } from '../query-state';
import { joinPath, shortHash } from './portal-logic';
import { portalErrorText } from './portal-text';
import { VerifyResult } from './verify-result';

export function HistoryCard({ dir }: { dir: string }) {
  const t = useT();
  const history = usePortalHistory();
  const [recreating, setRecreating] = useState<PortalExportView | null>(null);
  const [showing, setShowing] = useState<PortalExportView | null>(null);

  const columns = [
    { title: t('portal.history.col.sequence'), dataIndex: 'sequence', width: 64 },
    {
      title: t('portal.history.col.time'),
      dataIndex: 'generatedAt',
      width: 170,
      render: (at: string) => <span className="nowrap">{formatTime(at)}</span>,
    },
    {
      title: t('portal.history.col.type'),
      dataIndex: 'full',
      width: 80,
      render: (full: boolean) => (
        <Tag color={full ? 'purple' : undefined}>{t(full ? 'portal.history.full' : 'portal.history.incremental')}</Tag>
      ),
    },
    {
      title: t('portal.history.col.counts'),
      key: 'counts',
      width: 130,
      render: (_: unknown, p: PortalExportView) => (
        <span className="portal-num" data-testid="history-counts">{`${p.added} / ${p.changed} / ${p.withdrawn}`}</span>
      ),
    },
    {
      title: t('portal.history.col.checksum'),
      dataIndex: 'manifestSha256',
      render: (sha: string) => (
        <Typography.Text className="portal-checksum" copyable={{ text: sha }} title={sha}>
          {shortHash(sha)}
        </Typography.Text>
      ),
    },
    { title: t('portal.history.col.actor'), dataIndex: 'actor', width: 100 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, p: PortalExportView) => (
        <Space size={4}>
          <Button size="small" onClick={() => setRecreating(p)} data-testid="history-recreate">
            {t('portal.history.recreate')}
          </Button>
          <Button size="small" type="link" onClick={() => setShowing(p)} data-testid="history-show-path">
            {t('portal.history.showPath')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" className="block" title={t('portal.history.title')} data-testid="portal-history">
      {history.error ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <Loading />
      ) : (
        <Table<PortalExportView>
          size="small"
          rowKey="sequence"
          dataSource={history.data}
          columns={columns}
          pagination={history.data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t('portal.history.empty') }}
          onRow={(p) => ({ 'data-testid': `history-row-${p.sequence}` }) as HTMLAttributes<HTMLElement>}
          data-testid="history-table"
        />
      )}
      <RecreateModal pkg={recreating} dir={dir} onClose={() => setRecreating(null)} />
      <Modal
        open={showing !== null}
        title={showing ? t('portal.history.pathTitle', { sequence: showing.sequence }) : ''}
        onCancel={() => setShowing(null)}
        footer={
          <Button type="primary" onClick={() => setShowing(null)}>
            {t('common.ok')}
          </Button>
        }
        data-testid="history-path-modal"
      >
        {showing ? (
          <>
            <Typography.Paragraph copyable className="portal-path" data-testid="history-path">
              {joinPath(dir, showing.folder)}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" className="small">
              {t('portal.history.pathHint', { folder: showing.folder })}
            </Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </Card>
  );
}

function RecreateModal({ pkg, dir, onClose }: { pkg: PortalExportView | null; dir: string; onClose: () => void }) {
  const t = useT();
  const recreate = useRecreatePortal();
  const verify = useVerifyPortal();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [verified, setVerified] = useState<Output<'portal.verify'> | null>(null);

  useEffect(() => {
    if (!pkg) return;
    setTarget(dir);
    setError(null);
    setFolder(null);
    setVerified(null);
  }, [pkg, dir]);

  const run = async () => {
    if (!pkg) return;
    setError(null);
    try {
      const written = await recreate.mutateAsync({ sequence: pkg.sequence, dir: target.trim() });
      setFolder(written.folder);
      setVerified(await verify.mutateAsync({ path: written.folder }));
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'file_exists') {
        setError(t('portal.recreate.exists', { sequence: pkg.sequence, folder: pkg.folder }));
      } else setError(portalErrorText(err, t));
    }
  };

  return (
    <Modal
      open={pkg !== null}
      title={pkg ? t('portal.recreate.title', { sequence: pkg.sequence }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="recreate-modal"
    >
      {folder && pkg ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={t('portal.recreate.done', { sequence: pkg.sequence })} />
          <Typography.Text copyable className="portal-path" data-testid="recreate-folder">
            {folder}
          </Typography.Text>
          {verified ? <VerifyResult result={verified} testId="recreate-verify" /> : null}
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" onClick={onClose} data-testid="recreate-close">
              {t('common.ok')}
            </Button>
          </div>
        </Space>
      ) : (
        <Form layout="vertical" onFinish={() => void run()}>
          <Typography.Paragraph type="secondary">{t('portal.recreate.hint')}</Typography.Paragraph>
          <Form.Item label={t('portal.recreate.dir')} required>
            <Input value={target} onChange={(e) => setTarget(e.target.value)} data-testid="recreate-dir" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} className="block" data-testid="recreate-error" /> : null}
          <div style={{ textAlign: 'right' }}>
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={recreate.isPending || verify.isPending}
                disabled={!target.trim()}
                data-testid="recreate-run"
              >
                {t('portal.recreate.run')}
              </Button>
            </Space>
          </div>
        </Form>
      )}
    </Modal>
  );
}
