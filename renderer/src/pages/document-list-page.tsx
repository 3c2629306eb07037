// 发布材料: every document with its conference, department and review status; the server filters and
// answers a page at a time (`documents.page`), so a decade's 30,000 documents are all within reach.
// Keyboard: `/` (or Ctrl+F) focuses the search, ↓ from there moves into the table, ↑/↓ move between
// rows and Enter opens the focused one.
import { Button, Empty, Input, type InputRef, Select, Table, type TableColumnsType, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Input as ApiInput } from '../../../common/contract';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../common/document-model';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../common/document-schemas';
import type { DocumentRow } from '../../../common/document-types';
import { useDocumentPage } from '../api/document-hooks';
import { useDepartments } from '../api/hooks';
import { DocumentKindTag, DocumentStatusTag } from '../components/documents/document-tags';
import '../components/documents/documents.css';
import { QueryError } from '../components/query-state';
import { formatTime } from '../format-time';
import { type Translate, useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { useSessionState } from '../use-session-state';

interface Filters {
  search: string;
  kind: DocumentKind | null;
  status: DocumentStatus | null;
  departmentId: string | null;
}

const NO_FILTERS: Filters = { search: '', kind: null, status: null, departmentId: null };

interface Paging {
  /** The page shown, from 1. */
  current: number;
  size: number;
}

const FIRST_PAGE: Paging = { current: 1, size: 50 };
const PAGE_SIZES = [20, 50, 100, 200];

function toQuery(f: Filters, search: string): ApiInput<'documents.list'> {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
  };
}

/** The search waits for a pause in typing (and for IME composition to end) before it asks. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function columns(t: Translate): TableColumnsType<DocumentRow> {
  return [
    {
      title: t('documents.col.kind'),
      dataIndex: 'kind',
      width: 108,
      render: (k: DocumentKind) => <DocumentKindTag kind={k} />,
    },
    {
      title: t('documents.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, d) => (
        <a href={routeHref({ page: 'document', id: d.id })} className="document-link" tabIndex={-1}>
          {title}
        </a>
      ),
    },
    {
      title: t('documents.col.conference'),
      key: 'conference',
      width: 230,
      ellipsis: true,
      render: (_, d) =>
        d.conferenceId ? (
          <a href={routeHref({ page: 'conference', id: d.conferenceId })} tabIndex={-1}>
            <span className="muted nowrap">{d.conferenceDate}</span> {d.conferenceTitle}
          </a>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    {
      title: t('documents.col.department'),
      dataIndex: 'departmentName',
      width: 120,
      ellipsis: true,
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('documents.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (s: DocumentStatus) => <DocumentStatusTag status={s} />,
    },
    { title: t('documents.col.drafter'), dataIndex: 'drafter', width: 88, ellipsis: true },
    {
      title: t('documents.col.reviewer'),
      dataIndex: 'reviewer',
      width: 88,
      ellipsis: true,
      render: (name: string | null) => name ?? '',
    },
    {
      title: t('documents.col.updated'),
      dataIndex: 'updatedAt',
      width: 138,
      render: (at: string) => <span className="nowrap tabular">{formatTime(at).slice(0, 16)}</span>,
    },
  ];
}

/** Moves the keyboard focus to the table row `offset` away from the focused one (or the first). */
function focusRow(table: HTMLElement | null, from: Element | null, offset: number): void {
  const rows = [...(table?.querySelectorAll<HTMLElement>('tr.ant-table-row') ?? [])];
  const at = from ? rows.indexOf(from as HTMLElement) : -1;
  rows[Math.min(rows.length - 1, Math.max(0, at + offset))]?.focus();
}

/** After a page change from the pager under the table: its first rows back in view, if they were scrolled past. */
function showTableTop(table: HTMLElement | null) {
  if (table && table.getBoundingClientRect().top < 0) table.scrollIntoView({ block: 'start' });
}

export function DocumentListPage() {
  const t = useT();
  const [filters, setFilters] = useSessionState<Filters>('documents.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const [paging, setPaging] = useSessionState<Paging>('documents.paging', FIRST_PAGE);
  const query = useDocumentPage({
    ...toQuery(filters, search),
    offset: (paging.current - 1) * paging.size,
    limit: paging.size,
  });
  const total = query.data?.total;
  // A page past the end (documents deleted, or another filter's page kept): the last page instead.
  useEffect(() => {
    if (total === undefined || query.isPlaceholderData) return;
    const last = Math.max(1, Math.ceil(total / paging.size));
    if (paging.current > last) setPaging({ ...paging, current: last });
  }, [total, paging, setPaging, query.isPlaceholderData]);
  const departments = useDepartments({});
  const searchRef = useRef<InputRef>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const cols = useMemo(() => columns(t), [t]);
  // Another filter starts from its first page.
  const set = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    if (paging.current !== 1) setPaging({ ...paging, current: 1 });
  };
  const filtered = Boolean(filters.search.trim() || filters.kind || filters.status || filters.departmentId);

  // `/` or Ctrl+F focuses the search box, unless the user is typing somewhere already.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, [contenteditable="true"]') !== null;
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key === 'f')) {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onRowKey = (e: KeyboardEvent<HTMLElement>, d: DocumentRow) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      navigate({ page: 'document', id: d.id });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(tableRef.current, e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.empty.filtered')}>
      <Button onClick={() => set(NO_FILTERS)} data-testid="clear-filters">
        {t('documents.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div className="documents-empty">
          <div>{t('documents.empty')}</div>
          <Typography.Text type="secondary">{t('documents.empty.hint')}</Typography.Text>
        </div>
      }
      data-testid="documents-empty"
    >
      <Button type="primary" href={routeHref({ page: 'documentNew' })} data-testid="empty-new-document">
        {t('documents.new')}
      </Button>
    </Empty>
  );

  return (
    <div className="page" data-testid="document-list-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('documents.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('documents.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" href={routeHref({ page: 'documentNew' })} data-testid="new-document">
          {t('documents.new')}
        </Button>
      </div>
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusRow(tableRef.current, null, 0);
            }
          }}
          placeholder={t('documents.search')}
          title={t('documents.searchHint')}
          style={{ width: 260 }}
          data-testid="document-search"
        />
        <Select<DocumentKind | null>
          value={filters.kind}
          onChange={(kind) => set({ kind: kind ?? null })}
          allowClear
          placeholder={t('documents.filter.kind')}
          style={{ width: 130 }}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`document.kind.${k}`) }))}
          data-testid="document-kind-filter"
        />
        <Select<DocumentStatus | null>
          value={filters.status}
          onChange={(status) => set({ status: status ?? null })}
          allowClear
          placeholder={t('documents.filter.status')}
          style={{ width: 110 }}
          options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`document.status.${s}`) }))}
          data-testid="document-status-filter"
        />
        <Select<string | null>
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId: departmentId ?? null })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('documents.filter.department')}
          style={{ width: 170 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="document-department-filter"
        />
        <span className="toolbar-spacer" />
        {total !== undefined ? (
          <Typography.Text type="secondary" data-testid="document-count">
            {t('documents.count', { count: total })}
          </Typography.Text>
        ) : null}
      </div>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div ref={tableRef} data-testid="document-table-box">
          <Table<DocumentRow>
            rowKey="id"
            size="small"
            columns={cols}
            dataSource={query.data?.rows ?? []}
            loading={query.isLoading}
            pagination={{
              current: paging.current,
              pageSize: paging.size,
              total: total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              size: 'small',
              hideOnSinglePage: true,
              onChange: (current, size) => {
                setPaging({ current: size === paging.size ? current : 1, size });
                showTableTop(tableRef.current);
              },
            }}
            locale={{ emptyText: query.isLoading ? ' ' : empty }}
            rowClassName="document-row"
            onRow={(d) => ({
              tabIndex: 0,
              onKeyDown: (e) => onRowKey(e, d),
              onDoubleClick: () => navigate({ page: 'document', id: d.id }),
              'data-testid': 'document-row',
            })}
            data-testid="document-table"
          />
        </div>
      )}
    </div>
  );
}
