// 登记簿: the register newest first, with filters (grade, status, department, a Chinese substring,
// overdue only). Overdue rows carry a red bar; a click opens the item's editor.
import { Button, Checkbox, Input, type InputRef, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Input as ApiInput } from '../../../../common/contract';
import {
  OPINION_GRADES,
  OPINION_STATUSES,
  type OpinionGrade,
  type OpinionStatus,
} from '../../../../common/opinion-schemas';
import type { OpinionView } from '../../../../common/opinion-types';
import { useDepartments } from '../../api/hooks';
import { useOpinions } from '../../api/opinion-hooks';
import { type Translate, useT } from '../../i18n/use-t';
import { navigate, routeHref } from '../../routing';
import { useSessionState } from '../../use-session-state';
import { QueryError } from '../query-state';
import { DeadlineCell, GradeTag, OpinionStatusTag, ReportCell, useNow } from './opinion-tags';
import { formatInstant } from './opinion-time';

interface Filters {
  search: string;
  grade: OpinionGrade | null;
  status: OpinionStatus | null;
  departmentId: string | null;
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = { search: '', grade: null, status: null, departmentId: null, overdueOnly: false };

// The server answers at most this many (db/queries/opinions.ts); past it the user narrows the list.
const LIST_LIMIT = 2000;

function toQuery(f: Filters): ApiInput<'opinions.list'> {
  return {
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.overdueOnly ? { overdueOnly: true } : {}),
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

function columns(t: Translate, now: number): TableColumnsType<OpinionView> {
  return [
    {
      title: t('opinions.col.detectedAt'),
      dataIndex: 'detectedAt',
      width: 134,
      render: (at: string) => <span className="opinion-instant">{formatInstant(at)}</span>,
    },
    {
      title: t('opinions.col.summary'),
      dataIndex: 'summary',
      render: (summary: string, o) => (
        <div className="opinion-summary">
          <a
            href={routeHref({ page: 'opinion', id: o.id })}
            className="opinion-summary-text"
            title={summary}
            data-testid="opinion-open"
          >
            {summary}
          </a>
          {o.topic ? (
            <Typography.Text type="secondary" className="small">
              {t('opinions.topic', { topic: o.topic })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('opinions.col.grade'),
      dataIndex: 'grade',
      width: 68,
      render: (grade: OpinionGrade) => <GradeTag grade={grade} />,
    },
    {
      title: t('opinions.col.department'),
      dataIndex: 'departmentName',
      width: 104,
      render: (name: string | null) => name ?? <span className="muted">{t('common.none')}</span>,
    },
    {
      title: t('opinions.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (status: OpinionStatus) => <OpinionStatusTag status={status} />,
    },
    {
      title: t('opinions.col.deadline'),
      key: 'deadline',
      width: 140,
      render: (_, o) => <DeadlineCell item={o} now={now} />,
    },
    {
      title: t('opinions.col.report'),
      key: 'report',
      width: 76,
      render: (_, o) => <ReportCell item={o} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 64,
      render: (_, o) => (
        <a href={routeHref({ page: 'opinion', id: o.id })} data-testid="opinion-edit">
          {t('common.edit')}
        </a>
      ),
    },
  ];
}

export function OpinionList({ onAdd }: { onAdd: () => void }) {
  const t = useT();
  const now = useNow();
  const [filters, setFilters] = useSessionState<Filters>('opinions.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const query = useOpinions(toQuery({ ...filters, search }));
  const departments = useDepartments({});
  const searchRef = useRef<InputRef>(null);

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
  const rows = query.data ?? [];
  const filtered = Boolean(
    filters.search || filters.grade || filters.status || filters.departmentId || filters.overdueOnly,
  );

  return (
    <div data-testid="opinion-register">
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder={t('opinions.search')}
          title={t('opinions.searchHint')}
          style={{ width: 240 }}
          data-testid="opinions-search"
        />
        <Select
          allowClear
          value={filters.grade}
          onChange={(grade) => set({ grade: grade ?? null })}
          placeholder={t('opinions.filter.grade')}
          options={OPINION_GRADES.map((g) => ({ value: g, label: t(`opinions.grade.${g}`) }))}
          style={{ width: 112 }}
          data-testid="opinions-filter-grade"
        />
        <Select
          allowClear
          value={filters.status}
          onChange={(status) => set({ status: status ?? null })}
          placeholder={t('opinions.filter.status')}
          options={OPINION_STATUSES.map((s) => ({ value: s, label: t(`opinions.status.${s}`) }))}
          style={{ width: 112 }}
          data-testid="opinions-filter-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId: departmentId ?? null })}
          placeholder={t('opinions.filter.department')}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          style={{ width: 148 }}
          data-testid="opinions-filter-department"
        />
        <Checkbox
          checked={filters.overdueOnly}
          onChange={(e) => set({ overdueOnly: e.target.checked })}
          data-testid="opinions-filter-overdue"
        >
          {t('opinions.filter.overdue')}
        </Checkbox>
        <span className="toolbar-spacer" />
        <Space size={12}>
          {query.data ? (
            <Typography.Text type="secondary" data-testid="opinions-count">
              {t('opinions.count', { count: rows.length, overdue: rows.filter((o) => o.overdue).length })}
            </Typography.Text>
          ) : null}
          <Button type="primary" onClick={onAdd} data-testid="opinion-add">
            {t('opinions.add')}
          </Button>
        </Space>
      </div>
      {rows.length >= LIST_LIMIT ? (
        <Typography.Paragraph type="warning">{t('opinions.limited', { limit: LIST_LIMIT })}</Typography.Paragraph>
      ) : null}
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<OpinionView>
          rowKey="id"
          size="small"
          className="opinion-table"
          columns={columns(t, now)}
          dataSource={rows}
          loading={query.isLoading}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: t(filtered ? 'opinions.emptyFiltered' : 'opinions.empty') }}
          rowClassName={(o) => (o.overdue && !o.answeredAt ? 'opinion-row-overdue' : '')}
          onRow={(o) => ({
            onClick: (e) => {
              // Links and buttons in the row do their own thing.
              if ((e.target as HTMLElement).closest('a, button')) return;
              navigate({ page: 'opinion', id: o.id });
            },
            'data-testid': 'opinion-row',
            'data-overdue': o.overdue ? 'true' : 'false',
          })}
          data-testid="opinions-table"
        />
      )}
    </div>
  );
}
