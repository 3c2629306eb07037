// The conference list's table: every matching conference in one scrolling box, fetched by pages (see
// api/conference-pages.ts) and drawn by a window of rows, so ten years (20,000 rows) show at once and scroll
// smoothly.
//
// The windowing is ours, not antd's `virtual` table: that one draws rows as <div>s in a scroll box of its own
// (no <tbody>/<td> for the row styles and tests, no native scrolling). Here antd's table keeps the header, the
// styles, the loading and the empty state; the body is ours: spacer rows stand in for the rows out of view,
// and the rows in view are memoized, so scrolling mounts only the rows coming into view. (antd's own rows
// re-render every cell whenever the window moves, more than twice the script time per frame, measured with
// scripts/bench-browser.mjs.) antd is given no rows at all (only whether there are any): it used to walk all
// 20,000 on every new list, seconds before the first row showed.
import { Table, type TableColumnsType } from 'antd';
import {
  createContext,
  type HTMLAttributes,
  type MouseEvent,
  memo,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
  type UIEvent,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import type { ConferenceRow } from '../../../common/conference-types';
import { type ConferenceListFilter, useConferenceListHead, useConferenceRows } from '../api/conference-pages';
import { conferenceKindChip, conferenceStatusChip } from '../components/conference-tags';
import { QueryError } from '../components/query-state';
import { type Translate, useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { navigate, routeHref } from '../routing';

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
/** A new list slower than this shows the table's spinner over the previous one. */
const LOADING_DELAY_MS = 300;

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
  render: (c: ConferenceRow, t: Translate) => ReactNode;
}

const departmentsText = (c: ConferenceRow, t: Translate) => c.departmentNames.join('、') || t('common.none');

const COLUMNS: ListColumn[] = [
  {
    key: 'date',
    title: 'conferences.col.date',
    width: 132,
    // The text sits in the cell (one line, as every cell): no wrapper element.
    render: (c) => (
      <>
        {c.date}
        {c.time ? <span className="muted"> {c.time}</span> : null}
      </>
    ),
  },
  {
    key: 'title',
    title: 'conferences.col.title',
    render: (c) => (
      <a href={routeHref({ page: 'conference', id: c.id })} className="conference-link">
        {c.title}
      </a>
    ),
  },
  { key: 'organizer', title: 'conferences.col.organizer', width: 130, render: organizerText },
  {
    key: 'departments',
    title: 'conferences.col.departments',
    width: 190,
    render: departmentsText,
  },
  { key: 'kind', title: 'conferences.col.kind', width: 110, render: (c, t) => conferenceKindChip(c.kind, t) },
  { key: 'status', title: 'conferences.col.status', width: 90, render: (c, t) => conferenceStatusChip(c.status, t) },
  {
    key: 'people',
    title: 'conferences.col.people',
    width: 110,
    center: true,
    render: (c, t) => t('conferences.people', { speakers: c.speakerCount, attended: c.attendanceCount }),
  },
];

/** antd's columns: the header and the column widths (the body's cells are drawn by ListRow). */
function headerColumns(t: Translate): TableColumnsType<AntdRow> {
  return COLUMNS.map((col) => ({
    key: col.key,
    title: t(col.title),
    ellipsis: true,
    ...(col.width ? { width: col.width } : {}),
    ...(col.center ? { align: 'center' as const } : {}),
  }));
}

/** The one stand-in row antd's table is given (see SOME_ROWS). */
interface AntdRow {
  id: string;
}

/** A cell's classes: antd's, and the list's own (styles.css: static, clipped rather than scrolled; no inline style). */
const CELL = 'ant-table-cell ant-table-cell-ellipsis conference-cell';
const CELL_CENTER = `${CELL} conference-cell-center`;

function openRow(e: MouseEvent<HTMLTableRowElement>) {
  const id = e.currentTarget.dataset.rowKey;
  if (id) navigate({ page: 'conference', id });
}

/**
 * The full text of a cell cut off by its ellipsis, as its `title`, set when the pointer comes over it (or the
 * focus into it) rather than on every cell drawn (scrolling a screenful a frame draws a dozen rows a frame).
 */
function hintCell(e: SyntheticEvent<HTMLTableSectionElement>) {
  const cell = e.target instanceof Element ? e.target.closest('td') : null;
  if (!(cell instanceof HTMLTableCellElement) || !cell.parentElement?.classList.contains('ant-table-row')) return;
  const hint = cell.scrollWidth > cell.clientWidth ? (cell.textContent ?? '') : '';
  if (hint) {
    if (cell.title !== hint) cell.title = hint;
  } else if (cell.hasAttribute('title')) cell.removeAttribute('title');
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
        <td key={col.key} className={col.center ? CELL_CENTER : CELL}>
          {col.render(c, t)}
        </td>
      ))}
    </tr>
  );
});

/** A row whose page is on its way: as tall as a row, grey bars where the text will be. */
const PlaceholderRow = memo(function PlaceholderRow({ height, label }: { height: number; label: string }) {
  return (
    <tr className="conference-placeholder" style={{ height }} aria-busy="true">
      {COLUMNS.map((col, i) => (
        <td key={col.key} className="ant-table-cell">
          {i === 0 ? <span className="sr-only">{label}</span> : null}
          <span className="placeholder-bar" style={{ width: col.key === 'title' ? '60%' : '70%' }} />
        </td>
      ))}
    </tr>
  );
});

interface BodyState extends RowWindow {
  /** The window's rows; a number is the position of a row not fetched yet. */
  rows: (ConferenceRow | number)[];
  rowHeight: number;
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
  const loading = body.t('common.loading');
  return (
    <tbody {...props} onMouseOver={hintCell} onFocus={hintCell}>
      {body.before > 0 ? <Spacer height={body.before} /> : null}
      {body.rows.map((c) =>
        typeof c === 'number' ? (
          <PlaceholderRow key={`placeholder-${c}`} height={body.rowHeight} label={loading} />
        ) : (
          <ListRow key={c.id} c={c} t={body.t} />
        ),
      )}
      {body.after > 0 ? <Spacer height={body.after} /> : null}
    </tbody>
  );
}

const TABLE_COMPONENTS = { body: { wrapper: WindowedBody } };
const TABLE_STYLES = { header: { cell: { position: 'sticky', top: 0, zIndex: 2 } } } as const;
/** What antd is given as the data: only whether the list has rows (WindowedBody draws them). */
const SOME_ROWS: AntdRow[] = [{ id: 'rows' }];
const NO_ROWS: AntdRow[] = [];

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
 * the height is measured from the first row shown. A new filter starts the list at the top.
 */
export function ConferenceTable({ filter }: { filter: ConferenceListFilter }) {
  const t = useT();
  const header = useMemo(() => headerColumns(t), [t]);
  const locale = useMemo(() => ({ emptyText: t('conferences.empty') }), [t]);
  const box = useRef<HTMLDivElement>(null);
  const height = useListHeight(box);
  const viewport = height - HEADER_HEIGHT;
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  // The scroll position the window was drawn for, and whether the list last moved down (pages ahead).
  const [{ scrollTop, down }, setScroll] = useState({ scrollTop: 0, down: true });
  const head = useConferenceListHead(filter);
  const total = head.data?.total ?? 0;
  const win = rowWindow(scrollTop, viewport, rowHeight, total);
  const data = useConferenceRows(head, filter, win.start, win.end, down);
  const { start, end, before, after } = win;
  const { rowAt } = data;
  const body = useMemo<BodyState>(() => {
    const rows: (ConferenceRow | number)[] = [];
    for (let i = start; i < end; i++) rows.push(rowAt(i) ?? i);
    return { start, end, before, after, rows, rowHeight, t };
  }, [start, end, before, after, rowAt, rowHeight, t]);

  const listKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters change, named by listKey
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScroll({ scrollTop: 0, down: true });
  }, [listKey]);

  // The real row height (fonts differ between systems), measured once the first rows are there.
  const hasRows = body.rows.some((r) => typeof r !== 'number');
  useLayoutEffect(() => {
    const row = hasRows ? box.current?.querySelector('tbody tr.ant-table-row') : null;
    const measured = row?.getBoundingClientRect().height;
    if (measured) setRowHeight((current) => (Math.abs(measured - current) > 0.5 ? measured : current));
  }, [hasRows]);

  // Re-render only when the window moves (every WINDOW_STEP rows), not on every scroll frame; and before
  // the frame is painted (flushSync), so that a long jump never shows an empty spacer.
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const top = e.currentTarget.scrollTop;
    if (rowWindow(top, viewport, rowHeight, total).start !== win.start) {
      flushSync(() => setScroll({ scrollTop: top, down: top >= scrollTop }));
    }
  };

  const empty = total === 0;
  // Nothing to show yet: at once; the previous list shown while a new filter's loads: only if that is slow.
  const loading = head.isLoading;
  const spinning = loading || (head.isPlaceholderData && head.isFetching);
  // The same element while the list is the same: scrolling re-renders WindowedBody (through the context),
  // not antd's table.
  const table = useMemo(
    () => (
      <Table<AntdRow>
        rowKey="id"
        size="small"
        columns={header}
        dataSource={empty ? NO_ROWS : SOME_ROWS}
        components={TABLE_COMPONENTS}
        tableLayout="fixed"
        styles={TABLE_STYLES}
        loading={{ spinning, delay: loading ? 0 : LOADING_DELAY_MS }}
        pagination={false}
        locale={locale}
        data-testid="conference-table"
      />
    ),
    [header, empty, spinning, loading, locale],
  );

  return (
    <>
      {data.error ? <QueryError error={data.error} onRetry={data.retry} /> : null}
      <div
        ref={box}
        className="conference-scroll"
        style={{ height, overflowY: 'auto' }}
        onScroll={onScroll}
        data-testid="conference-scroll"
      >
        <BodyContext.Provider value={body}>{table}</BodyContext.Provider>
      </div>
    </>
  );
}
