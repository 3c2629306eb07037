// @vitest-environment jsdom
// 发布材料 at a decade's scale: the list page asks the server for the page it shows (filters go with it),
// shows the count of all documents, not of the page, moves between pages (bringing the table's top back
// into view), starts a new filter from its first page, and falls back to the last page when the one it was
// on has gone.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentRow } from '../../../common/document-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

interface PageRequest {
  kind?: string;
  search?: string;
  offset: number;
  limit: number;
}
const pageCalls: PageRequest[] = [];
let total = 30_000;

function documentRow(i: number): DocumentRow {
  return {
    id: `d${i}`,
    kind: i % 2 ? 'qa' : 'release',
    title: `第${i}份文稿`,
    status: 'draft',
    conferenceId: null,
    conferenceTitle: null,
    conferenceDate: null,
    departmentId: null,
    departmentName: null,
    personId: null,
    personName: null,
    drafter: '张三',
    reviewer: null,
    portalColumn: null,
    version: 1,
    updatedAt: '2026-11-20T01:00:00.000Z',
  };
}

vi.mock('../../../renderer/src/api/client', () => ({
  ApiRequestError: class extends Error {},
  invoke: async (method: string, input: unknown) => {
    if (method === 'documents.page') {
      const request = input as PageRequest;
      pageCalls.push(request);
      const count = request.kind ? Math.floor(total / 2) : total;
      const end = Math.min(count, request.offset + request.limit);
      const rows = [];
      for (let i = request.offset; i < end; i++) rows.push(documentRow(i));
      return { total: count, offset: request.offset, rows };
    }
    return [];
  },
}));

const { DocumentListPage } = await import('../../../renderer/src/pages/document-list-page');

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
  // A table of 50 antd rows takes seconds to render in jsdom on a loaded machine.
  configure({ asyncUtilTimeout: 10_000 });
});

afterEach(() => {
  cleanup();
  pageCalls.length = 0;
  total = 30_000;
  window.sessionStorage.clear();
});

const lastCall = () => pageCalls[pageCalls.length - 1];
/** Pages of 20 (the smallest size offered): fewer rows for jsdom to draw. */
const smallPages = () =>
  window.sessionStorage.setItem('press-office.documents.paging', JSON.stringify({ current: 1, size: 20 }));

describe('the document list page', () => {
  it('asks for one page and shows the count of all documents', async () => {
    render(wrap(<DocumentListPage />));
    expect(await screen.findByText('第0份文稿')).toBeTruthy();
    expect(screen.getAllByTestId('document-row')).toHaveLength(50);
    expect(screen.getByTestId('document-count').textContent).toBe('共 30000 份');
    expect(pageCalls).toEqual([{ offset: 0, limit: 50 }]);
  });

  it('moves to another page, the last of the decade too', async () => {
    smallPages();
    render(wrap(<DocumentListPage />));
    await screen.findByText('第0份文稿');
    // The pager is under the table: a new page brings the table's first rows back into view if they were
    // scrolled past (jsdom lays nothing out, so the table's place is given here).
    const table = screen.getByTestId('document-table-box');
    const scrolled = vi.fn();
    table.scrollIntoView = scrolled;
    table.getBoundingClientRect = () => ({ top: -300 }) as DOMRect;
    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('第20份文稿')).toBeTruthy();
    expect(lastCall()).toEqual({ offset: 20, limit: 20 });
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
    // In view already: left where it is.
    table.getBoundingClientRect = () => ({ top: 120 }) as DOMRect;
    fireEvent.click(screen.getByTitle('3'));
    expect(await screen.findByText('第40份文稿')).toBeTruthy();
    expect(scrolled).toHaveBeenCalledTimes(1);
    // The last page, far into the decade.
    fireEvent.click(screen.getByTitle('1500'));
    expect(await screen.findByText('第29999份文稿')).toBeTruthy();
    expect(lastCall()).toEqual({ offset: 29_980, limit: 20 });
  });

  it('starts a new filter from its first page', async () => {
    smallPages();
    render(wrap(<DocumentListPage />));
    await screen.findByText('第0份文稿');
    fireEvent.click(screen.getByTitle('3'));
    await screen.findByText('第40份文稿');
    fireEvent.change(screen.getByPlaceholderText('搜索标题或正文'), { target: { value: '供暖' } });
    await waitFor(() => expect(lastCall()).toEqual({ search: '供暖', offset: 0, limit: 20 }));
    expect(await screen.findByText('第0份文稿')).toBeTruthy();
  });

  it('shows the last page when the page it was on is past the end', async () => {
    window.sessionStorage.setItem('press-office.documents.paging', JSON.stringify({ current: 9, size: 50 }));
    total = 120;
    render(wrap(<DocumentListPage />));
    // Page 9 of 120 documents is empty: the page falls back to page 3, which has the last 20.
    expect(await screen.findByText('第119份文稿')).toBeTruthy();
    expect(pageCalls[0]).toEqual({ offset: 400, limit: 50 });
    expect(lastCall()).toEqual({ offset: 100, limit: 50 });
    expect(screen.getAllByTestId('document-row')).toHaveLength(20);
  });
});
