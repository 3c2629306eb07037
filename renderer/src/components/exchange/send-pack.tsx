// 本办 → 部门: choose a department, see what its pack will carry, write the pack (.json for the
// department's app, .docx to read), and the record of packs sent and when they came back.
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { PackSummary } from '../../../../common/pack-types';
import { useExportPack, usePackContents, usePacks } from '../../api/exchange-hooks';
import { useDepartments } from '../../api/hooks';
import { formatTime } from '../../format-time';
import { useT } from '../../i18n/use-t';
import { ExportDialog } from '../export-dialog';
import { QueryError } from '../query-state';

/** Today on this computer, for file names. */
export function localDate(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function packFileName(departmentName: string, date: string, reply = false): string {
  return `${departmentName}${reply ? '材料回传' : '材料包'}-${date}.json`;
}

export function SendPack() {
  const t = useT();
  const departments = useDepartments({});
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const contents = usePackContents(departmentId);
  const [exporting, setExporting] = useState(false);
  const exportPack = useExportPack();
  const department = departments.data?.find((d) => d.id === departmentId) ?? null;

  const options = useMemo(
    () =>
      (departments.data ?? [])
        .filter((d) => d.status === 'active')
        .map((d) => ({ value: d.id, label: d.name, search: `${d.name} ${d.fullName}` })),
    [departments.data],
  );

  return (
    <>
      <Card size="small" className="block" title={t('exchange.send.title')} data-testid="send-pack">
        <Typography.Paragraph type="secondary">{t('exchange.send.intro')}</Typography.Paragraph>
        <Space wrap size={[16, 8]} className="block-tight">
          <span>{t('exchange.send.department')}</span>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            value={departmentId}
            onChange={(v: string) => setDepartmentId(v)}
            options={options}
            loading={departments.isLoading}
            placeholder={t('exchange.send.departmentPlaceholder')}
            style={{ width: 280 }}
            data-testid="send-department"
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!department || !contents.data}
            onClick={() => setExporting(true)}
            data-testid="send-export"
          >
            {t('exchange.send.export')}
          </Button>
        </Space>
        {department && contents.data ? (
          <div data-testid="send-contents">
            <Typography.Text>
              {t('exchange.send.contents', { documents: contents.data.documents, answers: contents.data.answers })}
            </Typography.Text>
            {contents.data.documents + contents.data.answers === 0 ? (
              <Alert type="info" showIcon className="exchange-note" title={t('exchange.send.nothing')} />
            ) : null}
          </div>
        ) : null}
        {contents.error ? <QueryError error={contents.error} onRetry={() => void contents.refetch()} /> : null}
      </Card>
      {department ? (
        <ExportDialog
          open={exporting}
          title={t('exchange.send.dialogTitle', { name: department.name })}
          fileName={packFileName(department.name, localDate())}
          testId="send-dialog"
          onClose={() => setExporting(false)}
          write={async (target) => {
            const written = await exportPack.mutateAsync({ departmentId: department.id, ...target });
            return [written.json.path, written.docx.path];
          }}
        />
      ) : null}
    </>
  );
}

export function SentPacks() {
  const t = useT();
  const packs = usePacks();
  const sent = (packs.data ?? []).filter((p) => p.direction === 'sent');
  const columns: TableColumnsType<PackSummary> = [
    { title: t('exchange.col.department'), dataIndex: 'departmentName', width: 180 },
    { title: t('exchange.col.created'), dataIndex: 'createdAt', width: 190, render: (v: string) => formatTime(v) },
    { title: t('exchange.col.documents'), dataIndex: 'documents', width: 110, align: 'right' },
    { title: t('exchange.col.answers'), dataIndex: 'answers', width: 110, align: 'right' },
    {
      title: t('exchange.col.returned'),
      dataIndex: 'returnedAt',
      render: (v: string | null) =>
        v ? (
          <Space size={4}>
            <Tag color="green">{t('exchange.returned.yes')}</Tag>
            <span>{formatTime(v)}</span>
          </Space>
        ) : (
          <Tag>{t('exchange.returned.no')}</Tag>
        ),
    },
  ];
  return (
    <Card size="small" className="block" title={t('exchange.sent.title')}>
      {packs.error ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      ) : (
        <Table<PackSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={sent}
          loading={packs.isLoading}
          pagination={sent.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t('exchange.sent.empty') }}
          data-testid="sent-packs"
        />
      )}
    </Card>
  );
}
