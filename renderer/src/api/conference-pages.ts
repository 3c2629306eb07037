// The conference list by pages (conferences.page), for 新闻发布会 at a decade's scale: the first page carries
// the total (the scroll bar's length), and the pages around the rows in view are fetched as the list scrolls.
// A row whose page is not here yet is `undefined`; the table draws a placeholder for it.
//
// Each page is its own react-query query (['conferences', 'page', filter, n]), so a conference write, which
// invalidates ['conferences'], refetches the pages in view and the total with them.
import { keepPreviousData, type UseQueryResult, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConferencePage, ConferenceRow } from '../../../common/conference-types';
import type { Input } from '../../../common/contract';
import { invoke } from './client';

/** Rows per request: a page costs the server a few milliseconds and is a small fraction of the list. */
export const CONFERENCE_PAGE_SIZE = 100;
/**
 * Rows fetched beyond the rows in view, most of them in the direction of scrolling, so that scrolling finds
 * the next rows already here: a page takes 10–60 ms to come (up to 250 ms on a busy machine), and scrolling
 * a screenful a frame goes through 250 rows in a third of a second or more.
 */
const PREFETCH_AHEAD = 250;
const PREFETCH_BEHIND = 50;
/** Dragging the scroll bar moves through many pages: the pages fetched follow it at most this often. */
const FETCH_INTERVAL_MS = 100;
/** However tall the window, no more pages than this are asked for at once. */
const MAX_PAGES = 8;

export type ConferenceListFilter = Omit<Input<'conferences.page'>, 'offset' | 'limit'>;

/** A page as kept: with the filter it answers, so that rows shown and the list they belong to never mix. */
export interface LoadedPage extends ConferencePage {
  filter: ConferenceListFilter;
}

function pageQuery(filter: ConferenceListFilter, page: number) {
  return {
    queryKey: ['conferences', 'page', filter, page] as const,
    queryFn: async (): Promise<LoadedPage> => ({
      ...(await invoke('conferences.page', {
        ...filter,
        offset: page * CONFERENCE_PAGE_SIZE,
        limit: CONFERENCE_PAGE_SIZE,
      })),
      filter,
    }),
  };
}

/**
 * The list's first page and the count of all that match. While a new filter's first page loads, the
 * previous list's stays (as `conferences.list` did), marked `isPlaceholderData`.
 */
export function useConferenceListHead(filter: ConferenceListFilter): UseQueryResult<LoadedPage> {
  return useQuery({ ...pageQuery(filter, 0), placeholderData: keepPreviousData });
}

export interface ConferenceRows {
  /** The conference at a position of the list shown, or undefined while its page is being fetched. */
  rowAt: (index: number) => ConferenceRow | undefined;
  /** The first failure of a page other than the first (the first page's error is the head's). */
  error: Error | null;
  retry: () => void;
}

interface Observed {
  pages: Map<number, LoadedPage>;
  error: Error | null;
  retry: () => void;
}

function combine(results: UseQueryResult<LoadedPage>[]): Observed {
  const pages = new Map<number, LoadedPage>();
  for (const r of results) if (r.data) pages.set(r.data.offset / CONFERENCE_PAGE_SIZE, r.data);
  const failed = results.filter((r) => r.error);
  return {
    pages,
    error: failed[0]?.error ?? null,
    retry: () => {
      for (const r of failed) void r.refetch();
    },
  };
}

/** The pages holding rows `from` to `to - 1`, with the margins fetched around them, inside the list. */
function pagesAround(from: number, to: number, total: number, down: boolean): { first: number; last: number } {
  const lastRow = Math.min(total, to + (down ? PREFETCH_AHEAD : PREFETCH_BEHIND)) - 1;
  const first = Math.floor(Math.max(0, from - (down ? PREFETCH_BEHIND : PREFETCH_AHEAD)) / CONFERENCE_PAGE_SIZE);
  const last = Math.min(Math.floor(lastRow / CONFERENCE_PAGE_SIZE), first + MAX_PAGES - 1);
  return { first, last };
}

/** The value, changing at most once per `ms` (the first change at once, the last one always). */
function useThrottled<T>(value: T, ms: number, same: (a: T, b: T) => boolean): T {
  const [current, setCurrent] = useState(value);
  const changedAt = useRef(0);
  useEffect(() => {
    if (same(value, current)) return;
    const update = () => {
      changedAt.current = performance.now();
      setCurrent(value);
    };
    const wait = changedAt.current + ms - performance.now();
    if (wait <= 0) return update();
    const timer = window.setTimeout(update, wait);
    return () => window.clearTimeout(timer);
  }, [value, current, ms, same]);
  return current;
}

const sameRange = (a: { first: number; last: number }, b: { first: number; last: number }) =>
  a.first === b.first && a.last === b.last;

/**
 * The rows of the list for positions `from` to `to - 1` (the table's window), fetching their pages and the
 * pages next to them, further ahead in the direction the list last scrolled (`down`); `head` is
 * useConferenceListHead(filter). Rows of a page fetched before and no longer in view are read from the cache.
 */
export function useConferenceRows(
  head: UseQueryResult<LoadedPage>,
  filter: ConferenceListFilter,
  from: number,
  to: number,
  down: boolean,
): ConferenceRows {
  const client = useQueryClient();
  const shown = head.data?.filter ?? null;
  const total = head.data?.total ?? 0;
  const wanted = pagesAround(from, to, total, down);
  const { first, last } = useThrottled(wanted, FETCH_INTERVAL_MS, sameRange);
  const numbers: number[] = [];
  for (let p = Math.max(1, first); p <= last; p++) numbers.push(p);
  const observed = useQueries({
    queries: numbers.map((p) => ({
      // The previous list's pages only from the cache, while the new list's first page loads.
      ...pageQuery(shown ?? filter, p),
      enabled: shown !== null && !head.isPlaceholderData,
    })),
    combine,
  });

  const headPage = head.data;
  const rowAt = useMemo(() => {
    const cached = new Map<number, LoadedPage | undefined>();
    const pageOf = (p: number): LoadedPage | undefined => {
      if (p === 0) return headPage;
      const page = observed.pages.get(p);
      if (page || !shown) return page;
      if (!cached.has(p)) cached.set(p, client.getQueryData<LoadedPage>(pageQuery(shown, p).queryKey));
      return cached.get(p);
    };
    return (index: number) => {
      const page = pageOf(Math.floor(index / CONFERENCE_PAGE_SIZE));
      return page?.rows[index - page.offset];
    };
  }, [headPage, observed.pages, shown, client]);

  return { rowAt, error: observed.error, retry: observed.retry };
}
