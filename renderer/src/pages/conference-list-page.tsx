// 新闻发布会: every conference with filters; the server filters, the table pages (fast with many rows).
import { Button, DatePicker, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ConferenceRow, ConferenceStatus, Organizer } from '../../../common/conference-types';
import type { Input as ApiInput } from '../../../common/contract';
import { useConferences } from '../api/conference-hooks';
import { useDepartments } from '../api/hooks';
import { ConferenceKindTag, ConferenceStatusTag } from '../components/conference-tags';
import { QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import { navigate, routeHref } from '../routing';
import { useSessionState } from '../use-session-state';

interface Filters {
  from: string | null;
  to: string | null;
  status: ConferenceStatus | null;
  organizer: Organizer | null;
  departmentId: string | null;
  search: string;
}

const NO_FILTERS: Filters = { from: null, to: null, status: null, organizer: null, departmentId: null, search: '' };

function toQuery(f: Filters, search: string): ApiInput<'conferences.list'> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.organizer ? { organizer: f.organizer } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function organizerText(c: Pick<ConferenceRow, 'organizer' | 'hostDepartmentName'>, t: Translate): string {
  return c.organizer === 'city'
    ? t('conference.organizer.city')
    : (c.hostDepartmentName ?? t('conference.organizer.department'));
}

function columns(t: Translate): TableColumnsType<ConferenceRow> {
  return [
    {
      title: t('conferences.col.date'),
      key: 'date',
      width: 132,
      render: (_, c) => (
        <span className="nowrap">
          {c.date}
          {c.time ? <span className="muted"> {c.time}</span> : null}
        </span>
      ),
    },
    {
      title: t('conferences.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, c) => (
        <a href={routeHref({ page: 'conference', id: c.id })} className="conference-link">
          {title}
        </a>
      ),
    },
    { title: t('conferences.col.organizer'), key: 'organizer', width: 140, render: (_, c) => organizerText(c, t) },
    {
      title: t('conferences.col.departments'),
      key: 'departments',
      width: 210,
      ellipsis: true,
      render: (_, c) => c.departmentNames.join('、') || t('common.none'),
    },
    {
      title: t('conferences.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_, c) => <ConferenceKindTag kind={c.kind} />,
    },
    {
      title: t('conferences.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, c) => <ConferenceStatusTag status={c.status} />,
    },
    {
      title: t('conferences.col.people'),
      key: 'people',
      width: 110,
      align: 'center',
      render: (_, c) => t('conferences.people', { speakers: c.speakerCount, attended: c.attendanceCount }),
    },
  ];
}

export function ConferenceListPage() {
  const t = useT();
  const [filters, setFilters] = useSessionState<Filters>('conferences.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const query = useConferences(toQuery(filters, search));
  const departments = useDepartments({});
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const cols = useMemo(() => columns(t), [t]);

  return (
    <div className="page" data-testid="conference-list-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('conferences.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('conferences.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" href={routeHref({ page: 'conferenceNew' })} data-testid="new-conference">
          {t('conference.new')}
        </Button>
      </div>
      <div className="toolbar">
        <Input.Search
          allowClear
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder={t('conferences.search')}
          style={{ width: 240 }}
          data-testid="conference-search"
        />
        <DatePicker.RangePicker
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            set({
              from: range?.[0] ? range[0].format('YYYY-MM-DD') : null,
              to: range?.[1] ? range[1].format('YYYY-MM-DD') : null,
            })
          }
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          data-testid="conference-range"
        />
        <Select<ConferenceStatus | null>
          value={filters.status}
          onChange={(status) => set({ status: status ?? null })}
          allowClear
          placeholder={t('conferences.filter.status')}
          style={{ width: 120 }}
          options={(['planned', 'held', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`conference.status.${s}`),
          }))}
          data-testid="conference-status-filter"
        />
        <Select<Organizer | null>
          value={filters.organizer}
          onChange={(organizer) => set({ organizer: organizer ?? null })}
          allowClear
          placeholder={t('conferences.filter.organizer')}
          style={{ width: 150 }}
          options={(['city', 'department'] as const).map((o) => ({ value: o, label: t(`conference.organizer.${o}`) }))}
        />
        <Select<string | null>
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId: departmentId ?? null })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('conferences.filter.department')}
          style={{ width: 180 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="conference-department-filter"
        />
        <span className="toolbar-spacer" />
        {query.data ? (
          <Typography.Text type="secondary" data-testid="conference-count">
            {t('conferences.count', { count: query.data.length })}
          </Typography.Text>
        ) : null}
      </div>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ConferenceRow>
          rowKey="id"
          size="small"
          columns={cols}
          dataSource={query.data ?? []}
          loading={query.isLoading}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            size: 'small',
          }}
          locale={{ emptyText: t('conferences.empty') }}
          rowClassName={(c) => (c.status === 'cancelled' ? 'row-inactive' : '')}
          onRow={(c) => ({ onDoubleClick: () => navigate({ page: 'conference', id: c.id }) })}
          data-testid="conference-table"
        />
      )}
    </div>
  );
}
