// 操作日志: the audit trail, newest first, paged on the server, with filters and a CSV export.
// Read-only by design: the trail is the office's record of who changed what, so nothing here edits it.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditRowView } from '../../../common/types';
import { type AuditFilter, useAuditFacets, useAuditPage, useExportAudit } from '../api/admin-hooks';
import { apiErrorText } from '../api/error-text';
import { AuditDiff } from '../components/audit-diff';
import { QueryError } from '../components/query-state';
import { formatTime } from '../format-time';
import { useT } from '../i18n/use-t';
import { type LookUpWord, useWord } from '../i18n/use-word';
import { useSessionState } from '../use-session-state';
import '../admin.css';

const PAGE_SIZE = 50;

interface Filters {
  actor: string | null;
  entity: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

const NO_FILTERS: Filters = { actor: null, entity: null, action: null, from: null, to: null };

function toFilter(f: Filters): AuditFilter {
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  archive: 'default',
  restore: 'cyan',
  merge: 'purple',
  import: 'geekblue',
  export: 'default',
  cancel: 'orange',
  postpone: 'gold',
  check_in: 'lime',
};

/** Saves text as a file the way a browser does: a Blob behind a temporary link. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken the Blob by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

function useColumns(word: LookUpWord): TableColumnsType<AuditRowView> {
  const t = useT();
  return [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      width: 168,
      render: (at: string) => <span data-testid="audit-at">{formatTime(at)}</span>,
    },
    { title: t('audit.col.actor'), dataIndex: 'actor', width: 130, ellipsis: true },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 100,
      render: (action: string) => (
        <Tag color={ACTION_COLOR[action] ?? 'default'} data-testid="audit-action">
          {word('audit.action', action) ?? action}
        </Tag>
      ),
    },
    {
      title: t('audit.col.entity'),
      dataIndex: 'entity',
      width: 110,
      render: (entity: string) => <span data-testid="audit-entity">{word('audit.entity', entity) ?? entity}</span>,
    },
    {
      title: t('audit.col.entityId'),
      dataIndex: 'entityId',
      width: 220,
      ellipsis: true,
      render: (id: string | null) =>
        id ? (
          <Typography.Text className="audit-id" title={id}>
            {id}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('audit.col.reason'),
      dataIndex: 'reason',
      ellipsis: true,
      render: (reason: string | null) => reason ?? '',
    },
  ];
}

export function AuditPage() {
  const t = useT();
  const word = useWord();
  const { message } = App.useApp();
  const [filters, setFilters] = useSessionState<Filters>('auditFilters', NO_FILTERS);
  const [page, setPage] = useState(1);
  const filter = toFilter(filters);
  const list = useAuditPage({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const facets = useAuditFacets();
  const exporter = useExportAudit();
  const columns = useColumns(word);

  const change = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };

  const options = (values: string[] | undefined, prefix?: string) =>
    (values ?? []).map((v) => ({ value: v, label: prefix ? (word(prefix, v) ?? v) : v }));

  const exportCsv = () =>
    exporter.mutate(filter, {
      onSuccess: ({ fileName, csv, rows }) => {
        download(fileName, csv);
        message.success(t('audit.export.done', { count: rows, file: fileName }));
      },
      onError: (err) => void message.error(t('audit.export.failed', { reason: apiErrorText(err, t) })),
    });

  const filtered = Object.values(filters).some((v) => v !== null);

  return (
    <div className="page audit" data-testid="audit-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
        </div>
        <Button icon={<DownloadOutlined />} onClick={exportCsv} loading={exporter.isPending} data-testid="audit-export">
          {t('audit.export')}
        </Button>
      </div>
      <div className="toolbar audit-filters">
        <Select
          allowClear
          showSearch
          placeholder={t('audit.filter.actor')}
          value={filters.actor}
          onChange={(v?: string) => change({ actor: v ?? null })}
          options={options(facets.data?.actors)}
          data-testid="audit-filter-actor"
        />
        <Select
          allowClear
          placeholder={t('audit.filter.entity')}
          value={filters.entity}
          onChange={(v?: string) => change({ entity: v ?? null })}
          options={options(facets.data?.entities, 'audit.entity')}
          data-testid="audit-filter-entity"
        />
        <Select
          allowClear
          placeholder={t('audit.filter.action')}
          value={filters.action}
          onChange={(v?: string) => change({ action: v ?? null })}
          options={options(facets.data?.actions, 'audit.action')}
          data-testid="audit-filter-action"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            change({
              from: range?.[0] ? range[0].format('YYYY-MM-DD') : null,
              to: range?.[1] ? range[1].format('YYYY-MM-DD') : null,
            })
          }
          placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
          data-testid="audit-filter-dates"
        />
        {filtered ? (
          <Button type="link" onClick={() => change(NO_FILTERS)} data-testid="audit-filter-clear">
            {t('audit.filter.clear')}
          </Button>
        ) : null}
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditRowView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.rows ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (row) => <AuditDiff entity={row.entity} before={row.before} after={row.after} />,
            rowExpandable: (row) => row.before !== null || row.after !== null,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => <span data-testid="audit-total">{t('audit.total', { count: total })}</span>,
            onChange: setPage,
          }}
        />
      )}
    </div>
  );
}
