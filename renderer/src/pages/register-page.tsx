// 部门名册: the departments in register order, with search, filters and the spokesperson flags.
import { Button, Checkbox, Input, type InputRef, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Input as ApiInput } from '../../../common/contract';
import type { DepartmentRow } from '../../../common/types';
import { useDepartments } from '../api/hooks';
import { QueryError } from '../components/query-state';
import { RosterImportModal } from '../components/roster-import';
import { type Translate, useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { useSessionState } from '../use-session-state';
import { DepartmentFormModal } from './department-form';

interface Filters {
  search: string;
  listed: boolean;
  noSpokesperson: boolean;
  untrainedSpokesperson: boolean;
  includeInactive: boolean;
}

const NO_FILTERS: Filters = {
  search: '',
  listed: false,
  noSpokesperson: false,
  untrainedSpokesperson: false,
  includeInactive: false,
};

function toQuery(f: Filters): ApiInput<'departments.list'> {
  return {
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.listed ? { listed: true } : {}),
    ...(f.noSpokesperson ? { noSpokesperson: true } : {}),
    ...(f.untrainedSpokesperson ? { untrainedSpokesperson: true } : {}),
    ...(f.includeInactive ? { includeInactive: true } : {}),
  };
}

/** The search box waits for a pause in typing (and for IME composition to end) before it asks. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function listedText(d: Pick<DepartmentRow, 'listed' | 'listedFrom' | 'listedUntil'>, t: Translate): string {
  if (!d.listed) return t('register.listed.no');
  if (d.listedFrom && d.listedUntil) return t('register.listed.period', { from: d.listedFrom, until: d.listedUntil });
  if (d.listedFrom) return t('register.listed.since', { from: d.listedFrom });
  if (d.listedUntil) return t('register.listed.until', { until: d.listedUntil });
  return t('register.listed.yes');
}

export function StatusTag({ status, mergedIntoName }: Pick<DepartmentRow, 'status' | 'mergedIntoName'>) {
  const t = useT();
  if (status === 'merged') {
    return (
      <Tag color="purple">
        {mergedIntoName ? t('status.merged', { name: mergedIntoName }) : t('status.mergedUnknown')}
      </Tag>
    );
  }
  if (status === 'archived') return <Tag>{t('status.archived')}</Tag>;
  return <Typography.Text type="secondary">{t('status.active')}</Typography.Text>;
}

function useColumns(): TableColumnsType<DepartmentRow> {
  const t = useT();
  return [
    { title: t('register.col.order'), dataIndex: 'sortOrder', width: 64, align: 'right' },
    {
      title: t('register.col.name'),
      dataIndex: 'name',
      width: 190,
      render: (name: string, d) => (
        <a href={routeHref({ page: 'department', id: d.id })} className="department-link">
          {name}
        </a>
      ),
    },
    { title: t('register.col.fullName'), dataIndex: 'fullName', ellipsis: true },
    { title: t('register.col.listed'), key: 'listed', width: 150, render: (_, d) => listedText(d, t) },
    { title: t('register.col.spokespersons'), dataIndex: 'spokespersonCount', width: 124, align: 'center' },
    {
      title: t('register.col.flags'),
      key: 'flags',
      width: 176,
      render: (_, d) => (
        <Space size={4} wrap>
          {d.status === 'active' && d.spokespersonCount === 0 ? (
            <Tag color="red" data-testid="flag-no-spokesperson">
              {t('register.flag.noSpokesperson')}
            </Tag>
          ) : null}
          {d.untrainedSpokespersonCount > 0 ? (
            <Tag color="warning" data-testid="flag-untrained">
              {t('register.flag.untrained', { count: d.untrainedSpokespersonCount })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('register.col.status'),
      key: 'status',
      width: 150,
      render: (_, d) => <StatusTag status={d.status} mergedIntoName={d.mergedIntoName} />,
    },
  ];
}

export function RegisterPage() {
  const t = useT();
  const [filters, setFilters] = useSessionState<Filters>('register.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const query = useDepartments(toQuery({ ...filters, search }));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const columns = useColumns();

  // `/` or Ctrl+F focuses the search box, unless the user is typing somewhere already.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
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

  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });

  return (
    <div className="page" data-testid="register-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('register.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('register.subtitle')}</Typography.Text>
        </div>
        <Space>
          <Button onClick={() => setImporting(true)} data-testid="roster-import">
            {t('roster.button')}
          </Button>
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-department">
            {t('register.add')}
          </Button>
        </Space>
      </div>
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder={t('register.search')}
          title={t('register.searchHint')}
          style={{ width: 320 }}
          data-testid="register-search"
        />
        <Checkbox
          checked={filters.listed}
          onChange={(e) => set({ listed: e.target.checked })}
          data-testid="filter-listed"
        >
          {t('register.filter.listed')}
        </Checkbox>
        <Checkbox
          checked={filters.noSpokesperson}
          onChange={(e) => set({ noSpokesperson: e.target.checked })}
          data-testid="filter-no-spokesperson"
        >
          {t('register.filter.noSpokesperson')}
        </Checkbox>
        <Checkbox
          checked={filters.untrainedSpokesperson}
          onChange={(e) => set({ untrainedSpokesperson: e.target.checked })}
          data-testid="filter-untrained"
        >
          {t('register.filter.untrained')}
        </Checkbox>
        <Checkbox
          checked={filters.includeInactive}
          onChange={(e) => set({ includeInactive: e.target.checked })}
          data-testid="filter-inactive"
        >
          {t('register.filter.includeInactive')}
        </Checkbox>
        <span className="toolbar-spacer" />
        {query.data ? (
          <Typography.Text type="secondary" data-testid="register-count">
            {t('register.count', { count: query.data.length })}
          </Typography.Text>
        ) : null}
      </div>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<DepartmentRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isLoading}
          pagination={false}
          locale={{ emptyText: t('register.empty') }}
          rowClassName={(d) => (d.status === 'active' ? '' : 'row-inactive')}
          onRow={(d) => ({
            onDoubleClick: () => navigate({ page: 'department', id: d.id }),
          })}
          data-testid="register-table"
        />
      )}
      <DepartmentFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(d) => navigate({ page: 'department', id: d.id })}
      />
      <RosterImportModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
