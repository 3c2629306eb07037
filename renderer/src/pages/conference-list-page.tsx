// 新闻发布会: every matching conference in one scrolling list. The server filters and sorts (newest first)
// and sends the list by pages, the first with the count of all; the table (conference-list-table.tsx) draws
// the rows in view and fetches the pages around them, so a decade of conferences shows at once.
import { Button, DatePicker, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ConferenceStatus, Organizer } from '../../../common/conference-types';
import { type ConferenceListFilter, useConferenceListHead } from '../api/conference-pages';
import { useDepartments } from '../api/hooks';
import { QueryError } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { routeHref } from '../routing';
import { useSessionState } from '../use-session-state';
import { ConferenceTable } from './conference-list-table';

// The detail and print pages name the organizer as the list does.
export { organizerText, rowWindow, windowLength } from './conference-list-table';

interface Filters {
  from: string | null;
  to: string | null;
  status: ConferenceStatus | null;
  organizer: Organizer | null;
  departmentId: string | null;
  search: string;
}

const NO_FILTERS: Filters = { from: null, to: null, status: null, organizer: null, departmentId: null, search: '' };

/** The list's filter as the server takes it: only what is set, always in the same order (the pages' keys). */
function toFilter(f: Filters, search: string): ConferenceListFilter {
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

export function ConferenceListPage() {
  const t = useT();
  const [filters, setFilters] = useSessionState<Filters>('conferences.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const filter = toFilter(filters, search);
  const head = useConferenceListHead(filter);
  const departments = useDepartments({});
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });

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
        {head.data ? (
          <Typography.Text type="secondary" data-testid="conference-count">
            {t('conferences.count', { count: head.data.total })}
          </Typography.Text>
        ) : null}
      </div>
      {head.error ? (
        <QueryError error={head.error} onRetry={() => void head.refetch()} />
      ) : (
        <ConferenceTable filter={filter} />
      )}
    </div>
  );
}
