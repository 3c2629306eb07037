// The conference list's table: every matching conference in one scrolling box, fetched by pages (see
// api/conference-pages.ts) and drawn by a window of rows, so ten years (20,000 rows) show at once and scroll
// smoothly.
//
// Not antd's Table (its look is kept: styles.css, 新闻发布会 list): an ARIA table of <div>s whose rows are
// grid boxes of a fixed height with `contain: strict`, so the rows a scroll frame brings into view are styled,
// laid out and painted on their own, not as part of the table (a table's rows and cells cannot be contained).
// Only the window's rows are in the page, moved down by a transform inside a box as tall as the whole list,
// so the scroll bar spans it. Each row element is a slot (position modulo the window's length), kept in the
// page in the slots' order and never moved; as the window moves, the rows it brings take the slots of the rows
// it leaves: scrolling, either way, changes the text, classes and CSS `order` of a dozen elements a frame
// instead of creating a dozen rows' elements and dropping as many for the collector (React would move
// elements if they were kept in the list's order: scrolling up, most of the window's). `reading-flow` takes
// Tab and screen readers through the rows in the list's order. Against antd's table with rows keyed by
// conference (scripts/bench-browser.mjs and traced passes of the decade, docs/performance.md): main-thread CPU
// a frame 9.3 against 11.5–12.1 ms scrolling down and 10.0 against 12.0 ms scrolling up, style 0.6 against
// 1.6 ms, a third fewer major collections. Before that, antd's own rows re-rendered every cell whenever the
// window moved, and antd walked all 20,000 rows on every new list.
import { Empty, Spin } from 'antd';
import {
  type CSSProperties,
  type FocusEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
  type UIEvent,
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

/** A row's height: fixed (styles.css `.conference-row`), so that a row can be contained and the window computed. */
const ROW_HEIGHT = 40;
/** The header's height (one line; styles.css `.conference-head`). */
const HEADER_HEIGHT = 40;
/** Rows rendered beyond the visible ones, above and below: fast scrolling shows no blank gap. */
const OVERSCAN = 6;
/** The rendered window moves in steps of this many rows, so most scroll frames render nothing. */
const WINDOW_STEP = 4;
/** Space kept under the list: the content's bottom padding. */
const BOTTOM_GAP = 24;
const MIN_LIST_HEIGHT = 280;
/** A new list slower than this shows the spinner over the previous one. */
const LOADING_DELAY_MS = 300;

export interface RowWindow {
  /** First and one-past-last index of the rows rendered. */
  start: number;
  end: number;
  /** Heights of the list above and below the rows rendered. */
  before: number;
  after: number;
}

/** How many rows a window holds (fewer at the list's end): the visible ones, OVERSCAN each side, a step. */
export function windowLength(viewport: number, rowHeight: number): number {
  return Math.ceil(viewport / rowHeight) + 1 + 2 * OVERSCAN + WINDOW_STEP;
}

/** The rows to render for a scroll position: the visible ones and at least OVERSCAN more on each side. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, total: number): RowWindow {
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.min(
    Math.max(0, Math.floor((firstVisible - OVERSCAN) / WINDOW_STEP) * WINDOW_STEP),
    Math.max(0, total - visible - OVERSCAN),
  );
  const end = Math.min(total, start + windowLength(viewport, rowHeight));
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

/** The columns of the header and of every row (one grid template, styles.css `--conference-columns`). */
const TABLE_STYLE = {
  '--conference-columns': COLUMNS.map((c) => (c.width ? `${c.width}px` : 'minmax(160px, 1fr)')).join(' '),
} as CSSProperties;

const CELL = 'conference-cell';
const CELL_CENTER = 'conference-cell conference-cell-center';

function openRow(e: MouseEvent<HTMLDivElement>) {
  const id = e.currentTarget.dataset.rowKey;
  if (id) navigate({ page: 'conference', id });
}

/** The conference a row element shows now (its element is reused for another as the window moves). */
function rowKeyOf(el: Element | null): string | null {
  return el?.closest<HTMLElement>('.conference-row')?.dataset.rowKey ?? null;
}

/** The cell given a `title` by hintCell, and the conference it was given for. */
let hinted: { cell: HTMLElement; rowKey: string | null } | null = null;

/**
 * The full text of a cell cut off by its ellipsis, as its `title`, set when the pointer comes over it (or the
 * focus into it) rather than on every cell drawn (scrolling a screenful a frame draws a dozen rows a frame).
 */
function hintCell(e: SyntheticEvent<HTMLDivElement>) {
  const cell = e.target instanceof Element ? e.target.closest<HTMLElement>('.conference-cell') : null;
  if (!cell) return;
  const hint = cell.scrollWidth > cell.clientWidth ? (cell.textContent ?? '') : '';
  if (hinted && hinted.cell !== cell) hinted.cell.removeAttribute('title');
  hinted = null;
  if (hint) {
    if (cell.title !== hint) cell.title = hint;
    hinted = { cell, rowKey: rowKeyOf(cell) };
  } else if (cell.hasAttribute('title')) cell.removeAttribute('title');
}

/**
 * A row of the window: one conference, or, while its page is on its way, a placeholder as tall as a row with
 * grey bars where the text will be. One component for both, so that a slot's element stays through both.
 * Memoized: a row the window keeps is not drawn again.
 */
const ListRow = memo(function ListRow({ c, index, t }: { c: ConferenceRow | null; index: number; t: Translate }) {
  if (!c) {
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        className="conference-row conference-placeholder"
        style={{ order: index }}
      >
        {COLUMNS.map((col, i) => (
          <div role="cell" key={col.key} className={CELL}>
            {i === 0 ? <span className="sr-only">{t('common.loading')}</span> : null}
            <span className={col.key === 'title' ? 'placeholder-bar placeholder-bar-wide' : 'placeholder-bar'} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-key={c.id}
      className={c.status === 'cancelled' ? 'conference-row row-inactive' : 'conference-row'}
      style={{ order: index }}
      onDoubleClick={openRow}
    >
      {COLUMNS.map((col) => (
        <div role="cell" key={col.key} className={col.center ? CELL_CENTER : CELL}>
          {col.render(c, t)}
        </div>
      ))}
    </div>
  );
});

interface BodyState extends RowWindow {
  /** The window's rows; a number is the position of a row not fetched yet. */
  rows: (ConferenceRow | number)[];
  /** The window's length: row `i` is drawn by element `i % slots`. */
  slots: number;
  t: Translate;
}

/**
 * The list's rows: the window's, moved down to their place in a box as tall as the whole list, one element a
 * slot (bySlot), so that the window moving gives the rows it brings the elements of the rows it leaves.
 * Focus and a hint title stay with a conference, not with an element: an element given to another conference
 * while the focus is in it is blurred (as a row that leaves the page loses the focus), and a title it was given
 * for the conference before is taken off.
 */
const ListBody = memo(function ListBody({ body }: { body: BodyState }) {
  const box = useRef<HTMLDivElement>(null);
  const focused = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (hinted && (!hinted.cell.isConnected || rowKeyOf(hinted.cell) !== hinted.rowKey)) {
      hinted.cell.removeAttribute('title');
      hinted = null;
    }
    const active = document.activeElement;
    if (focused.current !== null && active instanceof HTMLElement && box.current?.contains(active)) {
      if (rowKeyOf(active) !== focused.current) active.blur();
    }
  });
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    focused.current = rowKeyOf(e.target);
    hintCell(e);
  };
  const onBlur = () => {
    focused.current = null;
  };
  return (
    <div
      ref={box}
      role="rowgroup"
      className="conference-body"
      style={{ height: body.before + body.rows.length * ROW_HEIGHT + body.after }}
      onMouseOver={hintCell}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <div className="conference-window" style={{ transform: `translateY(${body.before}px)` }}>
        {bySlot(body).map((index) => {
          const c = body.rows[index - body.start];
          return <ListRow key={index % body.slots} c={typeof c === 'object' ? c : null} index={index} t={body.t} />;
        })}
      </div>
    </div>
  );
});

/**
 * The window's positions in the order of their slots (the elements' order in the page, which never changes:
 * a row's element is only ever given new content, never moved; CSS `order` puts the rows in the list's order,
 * and `reading-flow` takes the focus and screen readers through them in that order).
 */
function bySlot({ start, end, slots }: BodyState): number[] {
  const indexes: number[] = [];
  // Slot 0 first: from the first position at or after the start whose slot is 0 to the end, then the rest.
  const wrap = start + ((slots - (start % slots)) % slots);
  for (let i = wrap; i < end; i++) indexes.push(i);
  for (let i = start; i < Math.min(wrap, end); i++) indexes.push(i);
  return indexes;
}

/** The header row (memoized: it changes with the language only). */
const ListHead = memo(function ListHead({ t }: { t: Translate }) {
  return (
    <div role="rowgroup" className="conference-head">
      <div role="row" aria-rowindex={1} className="conference-head-row">
        {COLUMNS.map((col) => (
          <div role="columnheader" key={col.key} className={col.center ? CELL_CENTER : CELL}>
            {t(col.title)}
          </div>
        ))}
      </div>
    </div>
  );
});

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
    // The toolbar above wraps, and the count appears with the data: the list's top moves (the page holds both).
    const observer = new ResizeObserver(measure);
    const page = el.parentElement?.parentElement;
    if (page) observer.observe(page);
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
  const box = useRef<HTMLDivElement>(null);
  const height = useListHeight(box);
  const viewport = height - HEADER_HEIGHT;
  // The scroll position the window was drawn for, and whether the list last moved down (pages ahead).
  const [{ scrollTop, down }, setScroll] = useState({ scrollTop: 0, down: true });
  const head = useConferenceListHead(filter);
  const total = head.data?.total ?? 0;
  const win = rowWindow(scrollTop, viewport, ROW_HEIGHT, total);
  const data = useConferenceRows(head, filter, win.start, win.end, down);
  const { start, end, before, after } = win;
  const { rowAt } = data;
  const slots = windowLength(viewport, ROW_HEIGHT);
  const body = useMemo<BodyState>(() => {
    const rows: (ConferenceRow | number)[] = [];
    for (let i = start; i < end; i++) rows.push(rowAt(i) ?? i);
    return { start, end, before, after, rows, slots, t };
  }, [start, end, before, after, rowAt, slots, t]);

  const listKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters change, named by listKey
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScroll({ scrollTop: 0, down: true });
  }, [listKey]);

  // Re-render only when the window moves (every WINDOW_STEP rows), not on every scroll frame; and before
  // the frame is painted (flushSync), so that a long jump never shows an empty stretch of the list.
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const top = e.currentTarget.scrollTop;
    if (rowWindow(top, viewport, ROW_HEIGHT, total).start !== win.start) {
      flushSync(() => setScroll({ scrollTop: top, down: top >= scrollTop }));
    }
  };

  // Nothing to show yet: the spinner at once; the previous list shown while a new filter's loads: only if
  // that is slow, the previous rows dimmed under it.
  const firstLoad = head.isLoading;
  const slow = useDelayed(firstLoad || (head.isPlaceholderData && head.isFetching), firstLoad ? 0 : LOADING_DELAY_MS);
  const empty = total === 0 && !firstLoad;
  const spinner = useMemo(() => (slow ? <Spin className="conference-spinner" /> : null), [slow]);

  return (
    <>
      {data.error ? <QueryError error={data.error} onRetry={data.retry} /> : null}
      <div className="conference-frame" aria-busy={slow}>
        <div
          ref={box}
          className={slow ? 'conference-scroll conference-stale' : 'conference-scroll'}
          style={{ height }}
          onScroll={onScroll}
          data-testid="conference-scroll"
        >
          <div
            role="table"
            aria-label={t('conferences.title')}
            aria-rowcount={total + 1}
            className="conference-table"
            style={TABLE_STYLE}
            data-testid="conference-table"
          >
            <ListHead t={t} />
            {body.rows.length > 0 ? <ListBody body={body} /> : null}
          </div>
          {empty ? (
            <Empty
              className="conference-empty"
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('conferences.empty')}
            />
          ) : null}
        </div>
        {spinner}
      </div>
    </>
  );
}

/** `on`, turned true only after it has been true for `ms` (at once for 0), and false at once. */
function useDelayed(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(on && ms === 0);
  useEffect(() => {
    if (!on) return setShown(false);
    if (ms === 0) return setShown(true);
    const timer = window.setTimeout(() => setShown(true), ms);
    return () => window.clearTimeout(timer);
  }, [on, ms]);
  return on && (shown || ms === 0);
}
