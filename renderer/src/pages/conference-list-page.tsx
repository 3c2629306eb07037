// 新闻发布会: every matching conference in one scrolling table. The server filters and sorts (newest first)
// and sends the whole list; only the rows in view are in the DOM, so ten years of conferences (20,000 rows)
// scroll smoothly.
//
// The windowing is ours, not antd's `virtual` table: that one draws rows as <div>s in a scroll box of its own
// (no <tbody>/<td> for the row styles and tests, no native scrolling). Here antd's table keeps the header, the
// styles, the loading and the empty state; the body is ours: spacer rows stand in for the rows out of view,
// and the rows in view are memoized, so scrolling mounts only the rows coming into view. (antd's own rows
// re-render every cell whenever the window moves, more than twice the script time per frame, measured with
// scripts/bench-browser.mjs.)
import { Button, DatePicker, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  createContext,
  type HTMLAttributes,
  type MouseEvent,
  memo,
  type ReactNode,
  type RefObject,
  type UIEvent,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import type { ConferenceRow, ConferenceStatus, Organizer } from '../../../common/conference-types';
import type { Input as ApiInput } from '../../../common/contract';
import { useConferences } from '../api/conference-hooks';
import { useDepartments } from '../api/hooks';
import { ConferenceKindTag, ConferenceStatusTag } from '../components/conference-tags';
import { QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
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

/** The most rows one list shows (the server's limit); a decade of conferences is ~20,000. */
const MAX_ROWS = 100_000;
/** A row of the small table: one line of text or a tag. Measured once shown. */
const ROW_HEIGHT = 40;
/** The header's height (one line). */
const HEADER_HEIGHT = 40;
/** Rows rendered beyond the visible ones, above and below: fast scrolling shows no blank gap. */
const OVERSCAN = 6;
/** The rendered window moves in steps of this many rows, so most scroll frames render nothing. */
const WINDOW_STEP = 4;
/** Space kept under the list: the content's bottom padding. */
const BOTTOM_GAP = 24;
const MIN_LIST_HEIGHT = 280;

export interface RowWindow {
  /** First and one-past-last index of the rows rendered. */
  start: number;
  end: number;
  /** Heights of the spacers standing in for the rows above and below. */
  before: number;
  after: number;
}

/** The rows to render for a scroll position: the visible ones and at least OVERSCAN more on each side. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, total: number): RowWindow {
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.min(
    Math.max(0, Math.floor((firstVisible - OVERSCAN) / WINDOW_STEP) * WINDOW_STEP),
    Math.max(0, total - visible - OVERSCAN),
  );
  const end = Math.min(total, start + visible + 2 * OVERSCAN + WINDOW_STEP);
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}

function toQuery(f: Filters, search: string): ApiInput<'conferences.list'> {
  return {
    limit: MAX_ROWS,
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

interface ListColumn {
  key: string;
  title: MessageKey;
  /** Fixed widths; the title takes the rest. */
  width?: number;
  center?: boolean;
  /** The full text, shown on hover: every cell is one line, cut off with an ellipsis. */
  hint?: (c: ConferenceRow, t: Translate) => string;
  render: (c: ConferenceRow, t: Translate) => ReactNode;
}

const departmentsText = (c: ConferenceRow, t: Translate) => c.departmentNames.join('、') || t('common.none');

const COLUMNS: ListColumn[] = [
  {
    key: 'date',
    title: 'conferences.col.date',
    width: 132,
    render: (c) => (
      <span className="nowrap">
        {c.date}
        {c.time ? <span className="muted"> {c.time}</span> : null}
      </span>
    ),
  },
  {
    key: 'title',
    title: 'conferences.col.title',
    hint: (c) => c.title,
    render: (c) => (
      <a href={routeHref({ page: 'conference', id: c.id })} className="conference-link">
        {c.title}
      </a>
    ),
  },
  { key: 'organizer', title: 'conferences.col.organizer', width: 130, hint: organizerText, render: organizerText },
  {
    key: 'departments',
    title: 'conferences.col.departments',
    width: 190,
    hint: departmentsText,
    render: departmentsText,
  },
  { key: 'kind', title: 'conferences.col.kind', width: 110, render: (c) => <ConferenceKindTag kind={c.kind} /> },
  {
    key: 'status',
    title: 'conferences.col.status',
    width: 90,
    render: (c) => <ConferenceStatusTag status={c.status} />,
  },
  {
    key: 'people',
    title: 'conferences.col.people',
    width: 110,
    center: true,
    render: (c, t) => t('conferences.people', { speakers: c.speakerCount, attended: c.attendanceCount }),
  },
];

/** antd's columns: the header and the column widths (the body's cells are drawn by ListRow). */
function headerColumns(t: Translate): TableColumnsType<ConferenceRow> {
  return COLUMNS.map((col) => ({
    key: col.key,
    title: t(col.title),
    ellipsis: true,
    ...(col.width ? { width: col.width } : {}),
    ...(col.center ? { align: 'center' as const } : {}),
  }));
}

const CENTER = { textAlign: 'center' } as const;

function openRow(e: MouseEvent<HTMLTableRowElement>) {
  const id = e.currentTarget.dataset.rowKey;
  if (id) navigate({ page: 'conference', id });
}

/** One conference, with antd's row and cell classes. Memoized: a row the window keeps is not drawn again. */
const ListRow = memo(function ListRow({ c, t }: { c: ConferenceRow; t: Translate }) {
  return (
    <tr
      data-row-key={c.id}
      className={`ant-table-row ant-table-row-level-0${c.status === 'cancelled' ? ' row-inactive' : ''}`}
      onDoubleClick={openRow}
    >
      {COLUMNS.map((col) => (
        <td
          key={col.key}
          className="ant-table-cell ant-table-cell-ellipsis"
          title={col.hint?.(c, t)}
          style={col.center ? CENTER : undefined}
        >
          {col.render(c, t)}
        </td>
      ))}
    </tr>
  );
});

interface BodyState extends RowWindow {
  rows: ConferenceRow[];
  t: Translate;
}

const BodyContext = createContext<BodyState | null>(null);

function Spacer({ height }: { height: number }) {
  return (
    <tr className="conference-spacer" style={{ height }}>
      <td colSpan={COLUMNS.length} aria-hidden="true" style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * antd's <tbody>, with our rows: the window's rows between spacers as tall as the rows out of view, so the
 * scroll bar spans the whole list. With no rows it shows what antd puts there (the empty state).
 */
function WindowedBody({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  const body = useContext(BodyContext);
  if (!body || body.rows.length === 0) return <tbody {...props}>{children}</tbody>;
  return (
    <tbody {...props}>
      {body.before > 0 ? <Spacer height={body.before} /> : null}
      {body.rows.map((c) => (
        <ListRow key={c.id} c={c} t={body.t} />
      ))}
      {body.after > 0 ? <Spacer height={body.after} /> : null}
    </tbody>
  );
}

const TABLE_COMPONENTS = { body: { wrapper: WindowedBody } };
const TABLE_STYLES = { header: { cell: { position: 'sticky', top: 0, zIndex: 2 } } } as const;

export function ConferenceListPage() {
  const t = useT();
  const [filters, setFilters] = useSessionState<Filters>('conferences.filters', NO_FILTERS);
  const search = useDebounced(filters.search, 200);
  const listQuery = toQuery(filters, search);
  const query = useConferences(listQuery);
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
        {query.data ? (
          <Typography.Text type="secondary" data-testid="conference-count">
            {t('conferences.count', { count: query.data.length })}
          </Typography.Text>
        ) : null}
      </div>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ConferenceTable rows={query.data ?? []} loading={query.isLoading} listKey={JSON.stringify(listQuery)} />
      )}
    </div>
  );
}

/** The list's height: down to the window's bottom edge, so the page does not scroll (1280×800: ~570 px). */
function useListHeight(box: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(570);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () =>
      setHeight(
        Math.max(MIN_LIST_HEIGHT, Math.floor(window.innerHeight - el.getBoundingClientRect().top - BOTTOM_GAP)),
      );
    measure();
    // The toolbar above wraps, and the count appears with the data: the list's top moves.
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [box]);
  return height;
}

/**
 * The list in a scrolling box of its own (antd's `scroll.y` re-measures the whole table on every scroll
 * event), the header sticking to its top. Every row is one line (ellipsis), so all rows are equally tall;
 * the height is measured from the first row shown. `listKey` changes with the filters: a new list starts
 * at the top.
 */
function ConferenceTable({ rows, loading, listKey }: { rows: ConferenceRow[]; loading: boolean; listKey: string }) {
  const t = useT();
  const header = useMemo(() => headerColumns(t), [t]);
  const locale = useMemo(() => ({ emptyText: t('conferences.empty') }), [t]);
  const box = useRef<HTMLDivElement>(null);
  const height = useListHeight(box);
  const viewport = height - HEADER_HEIGHT;
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const [scrollTop, setScrollTop] = useState(0);
  const win = rowWindow(scrollTop, viewport, rowHeight, rows.length);
  const shown = useMemo(() => rows.slice(win.start, win.end), [rows, win.start, win.end]);
  const { start, end, before, after } = win;
  const body = useMemo<BodyState>(
    () => ({ start, end, before, after, rows: shown, t }),
    [start, end, before, after, shown, t],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters change, named by listKey
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [listKey]);

  // The real row height (fonts differ between systems), measured once the first rows are there.
  const hasRows = shown.length > 0;
  useLayoutEffect(() => {
    const row = hasRows ? box.current?.querySelector('tbody tr.ant-table-row') : null;
    const measured = row?.getBoundingClientRect().height;
    if (measured) setRowHeight((current) => (Math.abs(measured - current) > 0.5 ? measured : current));
  }, [hasRows]);

  // Re-render only when the window moves (every WINDOW_STEP rows), not on every scroll frame; and before
  // the frame is painted (flushSync), so that a long jump never shows an empty spacer.
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const top = e.currentTarget.scrollTop;
    if (rowWindow(top, viewport, rowHeight, rows.length).start !== win.start) flushSync(() => setScrollTop(top));
  };

  // The same element while the list is the same: scrolling re-renders WindowedBody (through the context),
  // not antd's table, which would walk all the rows.
  const table = useMemo(
    () => (
      <Table<ConferenceRow>
        rowKey="id"
        size="small"
        columns={header}
        dataSource={rows}
        components={TABLE_COMPONENTS}
        tableLayout="fixed"
        styles={TABLE_STYLES}
        loading={loading}
        pagination={false}
        locale={locale}
        data-testid="conference-table"
      />
    ),
    [header, rows, loading, locale],
  );

  return (
    <div
      ref={box}
      className="conference-scroll"
      style={{ height, overflowY: 'auto' }}
      onScroll={onScroll}
      data-testid="conference-scroll"
    >
      <BodyContext.Provider value={body}>{table}</BodyContext.Provider>
    </div>
  );
}
