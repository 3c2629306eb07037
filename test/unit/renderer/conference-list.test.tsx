// @vitest-environment jsdom
// 新闻发布会 at a decade's scale: the window of rows to draw covers what is in view and a margin around it,
// in a box as tall as the whole list; each row element is a slot, reused and never moved; the page asks the server for pages of the list (filters go with them),
// shows the count of all from the first, draws placeholders for rows whose page is on its way, keeps the
// server's order, opens a row on double-click, titles a cut-off cell on hover and scrolls by the window.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConferenceRow } from '../../../common/conference-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: unknown }[] = [];
const navigations: unknown[] = [];
/** Pages held back (by offset) until the test lets them go; a failure to answer with instead, once. */
const held = new Map<number, () => void>();
let holdFrom = Number.POSITIVE_INFINITY;
let failOnce: number | null = null;

function conference(i: number): ConferenceRow {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    id: `c${i}`,
    title: `第${i}场新闻发布会`,
    date: `2025-01-${day}`,
    time: null,
    venue: null,
    organizer: 'city',
    kind: 'city_routine',
    status: i % 10 === 0 ? 'cancelled' : 'held',
    hostDepartmentId: null,
    hostDepartmentName: null,
    departmentIds: ['rizhao-01'],
    departmentNames: ['市发改委'],
    topics: [],
    speakerCount: 1,
    attendanceCount: 1,
  };
}
const ALL = Array.from({ length: 2000 }, (_, i) => conference(i));

vi.mock('../../../renderer/src/api/client', () => ({
  ApiRequestError: class extends Error {},
  invoke: async (method: string, input: unknown) => {
    calls.push({ method, input });
    if (method === 'conferences.page') {
      const { status, offset, limit } = input as { status?: string; offset: number; limit: number };
      if (offset >= holdFrom) await new Promise<void>((go) => held.set(offset, go));
      if (failOnce === offset) {
        failOnce = null;
        throw new Error('网络中断');
      }
      const list = status ? ALL.filter((c) => c.status === status) : ALL;
      return { total: list.length, offset, rows: list.slice(offset, offset + limit) };
    }
    return [];
  },
}));
vi.mock('../../../renderer/src/routing', async (original) => ({
  ...(await original<typeof import('../../../renderer/src/routing')>()),
  navigate: (route: unknown) => navigations.push(route),
}));

const { ConferenceListPage, rowWindow, windowLength } = await import(
  '../../../renderer/src/pages/conference-list-page'
);

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  for (const go of held.values()) go();
  held.clear();
  holdFrom = Number.POSITIVE_INFINITY;
  failOnce = null;
  calls.length = 0;
  navigations.length = 0;
  window.sessionStorage.clear();
});

describe('rowWindow', () => {
  it('covers every visible row with a margin, never more rows than slots, and the heights make up the rest', () => {
    const rowHeight = 40;
    const viewport = 560;
    const total = 20_000;
    for (let scrollTop = 0; scrollTop <= total * rowHeight - viewport; scrollTop += 173) {
      const w = rowWindow(scrollTop, viewport, rowHeight, total);
      const firstVisible = Math.floor(scrollTop / rowHeight);
      const lastVisible = Math.ceil((scrollTop + viewport) / rowHeight);
      expect(w.start).toBeLessThanOrEqual(Math.max(0, firstVisible - 6));
      expect(w.end).toBeGreaterThanOrEqual(Math.min(total, lastVisible + 6));
      expect(w.end - w.start).toBeLessThanOrEqual(40);
      // Row i is drawn by element i % windowLength: two rows of a window never share one.
      expect(w.end - w.start).toBeLessThanOrEqual(windowLength(viewport, rowHeight));
      expect(w.before + (w.end - w.start) * rowHeight + w.after).toBe(total * rowHeight);
    }
  });

  it('moves in steps, so most scroll positions draw nothing new', () => {
    const starts = new Set<number>();
    for (let scrollTop = 0; scrollTop < 4000; scrollTop += 10) starts.add(rowWindow(scrollTop, 560, 40, 20_000).start);
    expect(starts.size).toBeLessThanOrEqual(4000 / 40 / 4 + 1);
  });

  it('stays inside a list that shrank under the scroll position', () => {
    // The browser clamps the scroll position to the list's end: the last rows are drawn.
    const w = rowWindow(500_000, 560, 40, 30);
    expect(w.end).toBe(30);
    expect(w.start).toBeLessThanOrEqual(30 - 560 / 40);
    expect(w.before + (w.end - w.start) * 40 + w.after).toBe(30 * 40);
    expect(rowWindow(0, 560, 40, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});

describe('ConferenceListPage', () => {
  /** The rows' elements in the page's order (their slots'), and in the list's (as shown). */
  const elements = () => [...document.querySelectorAll<HTMLElement>('.conference-body .conference-row')];
  const shown = (list: HTMLElement[]) =>
    list.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  const rows = () => shown(elements().filter((r) => !r.classList.contains('conference-placeholder')));
  const placeholders = () => shown(elements().filter((r) => r.classList.contains('conference-placeholder')));
  /** The list's height and where the rows drawn start in it (the rows above them are not in the page). */
  const body = () => {
    const el = document.querySelector('.conference-body') as HTMLElement;
    const window = el.firstElementChild as HTMLElement;
    return {
      height: Number.parseFloat(el.style.height),
      offset: Number(/translateY\((\d+(?:\.\d+)?)px\)/.exec(window.style.transform)?.[1]),
    };
  };
  const pagesAsked = () =>
    calls.filter((c) => c.method === 'conferences.page').map((c) => (c.input as { offset: number }).offset);
  const scrollTo = async (top: number) => {
    const box = document.querySelector('.conference-scroll') as HTMLDivElement;
    await act(async () => {
      box.scrollTop = top;
      fireEvent.scroll(box);
    });
  };

  it('draws a window of the 2,000 conferences from the first page, in the server’s order, with the count of all', async () => {
    render(wrap(<ConferenceListPage />));
    expect((await screen.findByTestId('conference-count')).textContent).toBe('共 2000 场');
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]?.dataset.rowKey).toBe('c0');
    expect(rows()[1]?.dataset.rowKey).toBe('c1');
    // The rows' box is as tall as all the rows (the scroll bar spans the list); the drawn ones at its top.
    expect(body()).toEqual({ height: 2000 * 40, offset: 0 });
    expect(rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByRole('table', { name: '新闻发布会' }).getAttribute('aria-rowcount')).toBe('2001');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('名称');
    expect(rows()[0]?.className).toContain('row-inactive');
    expect(rows()[0]?.textContent).toContain('已取消');
    expect(calls.find((c) => c.method === 'conferences.page')?.input).toEqual({ offset: 0, limit: 100 });
    // The first page and the two after it (fetched ahead); not the other 17.
    await waitFor(() => expect(pagesAsked().sort((a, b) => a - b)).toEqual([0, 100, 200]));
  });

  it('gives a cell cut off by its ellipsis its full text as a title when the pointer comes over it', async () => {
    render(wrap(<ConferenceListPage />));
    const cell = (await screen.findByText('第3场新闻发布会')).closest('.conference-cell') as HTMLElement;
    // No title is drawn with the rows; jsdom lays nothing out: the cell says how wide its text is.
    expect(cell.hasAttribute('title')).toBe(false);
    const widths = (scroll: number) => {
      Object.defineProperty(cell, 'scrollWidth', { configurable: true, value: scroll });
      Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 100 });
    };
    widths(300);
    fireEvent.mouseOver(cell.querySelector('a') as HTMLElement);
    expect(cell.title).toBe('第3场新闻发布会');
    widths(100);
    fireEvent.mouseOver(cell);
    expect(cell.hasAttribute('title')).toBe(false);
  });

  it('shows placeholders for rows whose page is on its way, then the rows, and opens one on double-click', async () => {
    holdFrom = 100;
    render(wrap(<ConferenceListPage />));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await scrollTo(1000 * 40);
    // The jump draws the window at once, as placeholders of the right height; only its pages are asked for.
    expect(rows()).toHaveLength(0);
    expect(placeholders().length).toBeGreaterThan(10);
    expect(placeholders()[0]?.getAttribute('aria-busy')).toBe('true');
    expect(body().height).toBe(2000 * 40);
    expect(body().offset).toBe(Number(placeholders()[0]?.getAttribute('aria-rowindex')) * 40 - 2 * 40);
    await waitFor(() => expect(held.has(1000)).toBe(true));
    // Around the window, further ahead than behind: 900–1299 (the window is rows ~990–1025).
    expect(pagesAsked().filter((offset) => offset > 200)).toEqual([900, 1000, 1100, 1200]);
    await act(async () => {
      for (const go of held.values()) go();
    });
    await waitFor(() => expect(placeholders()).toHaveLength(0));
    const keys = [...rows()].map((r) => r.dataset.rowKey);
    expect(keys).toContain('c1000');
    expect(keys).not.toContain('c0');
    fireEvent.doubleClick(screen.getByText('第1000场新闻发布会').closest('.conference-row') as HTMLElement);
    expect(navigations).toEqual([{ page: 'conference', id: 'c1000' }]);
  });

  it('says when a page could not be fetched, and fetches it again on retry', async () => {
    failOnce = 1000;
    render(wrap(<ConferenceListPage />));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await scrollTo(1000 * 40);
    expect((await screen.findByTestId('load-error')).textContent).toContain('网络中断');
    expect(placeholders().length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(screen.queryByTestId('load-error')).toBeNull());
    await waitFor(() => expect([...rows()].map((r) => r.dataset.rowKey)).toContain('c1000'));
  });

  it('gives the rows the window brings the elements of the rows it leaves, and never moves an element', async () => {
    render(wrap(<ConferenceListPage />));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const before = elements();
    const length = before.length;
    for (const top of [14 * 40, 30 * 40, 500 * 40, 37 * 40, 0]) {
      await scrollTo(top);
      await waitFor(() => expect(placeholders()).toHaveLength(0));
      // The same elements, in the same order in the page, whichever way the window moved.
      const now = elements();
      expect(now).toHaveLength(length);
      expect(now.every((el, i) => el === before[i])).toBe(true);
      // Shown in the list's order (CSS order), each with its conference and its position.
      const keys = rows().map((r) => Number(r.dataset.rowKey?.slice(1)));
      expect(keys).toHaveLength(length);
      expect(keys).toEqual(keys.map((_, i) => (keys[0] ?? 0) + i));
      for (const r of rows()) {
        const i = Number(r.dataset.rowKey?.slice(1));
        expect(r.style.order).toBe(String(i));
        expect(r.getAttribute('aria-rowindex')).toBe(String(i + 2));
        expect(r.textContent).toContain(`第${i}场新闻发布会`);
      }
    }
    expect(rows()[0]?.dataset.rowKey).toBe('c0');
  });

  it('takes the focus and a cell’s title off an element given to another conference', async () => {
    render(wrap(<ConferenceListPage />));
    const link = (await screen.findByText('第20场新闻发布会')) as HTMLAnchorElement;
    const cell = link.closest('.conference-cell') as HTMLElement;
    Object.defineProperty(cell, 'scrollWidth', { configurable: true, value: 300 });
    Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 100 });
    act(() => link.focus());
    expect(document.activeElement).toBe(link);
    expect(cell.title).toBe('第20场新闻发布会');
    // A step of the window that keeps the row: the focus and the title stay.
    await scrollTo(14 * 40);
    expect(rows()[0]?.dataset.rowKey).toBe('c8');
    expect(document.activeElement).toBe(link);
    expect(cell.title).toBe('第20场新闻发布会');
    // Far down: the element now draws another conference; it is neither focused nor titled as the old one.
    await scrollTo(1000 * 40);
    expect(link.isConnected && link.textContent).not.toBe('第20场新闻发布会');
    expect(document.activeElement).not.toBe(link);
    expect(cell.hasAttribute('title')).toBe(false);
  });

  it('asks the server for a filtered list and shows it from the top', async () => {
    window.sessionStorage.setItem('press-office.conferences.filters', JSON.stringify({ status: 'cancelled' }));
    render(wrap(<ConferenceListPage />));
    expect((await screen.findByTestId('conference-count')).textContent).toBe('共 200 场');
    expect(calls.find((c) => c.method === 'conferences.page')?.input).toEqual({
      status: 'cancelled',
      offset: 0,
      limit: 100,
    });
    await waitFor(() => expect(rows()[0]?.dataset.rowKey).toBe('c0'));
    expect(rows()[1]?.dataset.rowKey).toBe('c10');
  });
});
