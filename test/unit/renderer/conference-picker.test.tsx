// @vitest-environment jsdom
// The conference picker of documents, opinions and template previews: it asks the server for a page of the
// newest conferences when first opened (not for the decade's whole list, and not before it is used),
// searches titles, topics and venues on the server as one types, names a chosen conference that is not in the
// page by asking for it, and says when more conferences exist than it lists.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConferenceRow } from '../../../common/conference-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: Record<string, unknown> }[] = [];

function conference(i: number, title = `第${i}场新闻发布会`): ConferenceRow {
  return {
    id: `c${i}`,
    title,
    date: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    time: null,
    venue: null,
    organizer: 'city',
    kind: 'city_routine',
    status: i === 3 ? 'cancelled' : 'held',
    hostDepartmentId: null,
    hostDepartmentName: null,
    departmentIds: [],
    departmentNames: [],
    topics: [],
    speakerCount: 0,
    attendanceCount: 0,
  };
}
const ALL = [...Array.from({ length: 120 }, (_, i) => conference(i)), conference(500, '冬季供暖新闻发布会')];

vi.mock('../../../renderer/src/api/client', () => ({
  ApiRequestError: class extends Error {},
  invoke: async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    if (method === 'conferences.page') {
      const search = input.search as string | undefined;
      const list = search ? ALL.filter((c) => c.title.includes(search)) : ALL;
      const offset = input.offset as number;
      return { total: list.length, offset, rows: list.slice(offset, offset + (input.limit as number)) };
    }
    if (method === 'conferences.get') return ALL.find((c) => c.id === input.id);
    throw new Error(`unexpected ${method}`);
  },
}));

const { ConferencePicker } = await import('../../../renderer/src/components/conference-picker');

beforeAll(() => {
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  calls.length = 0;
});

const input = () => screen.getByRole('combobox');
const options = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);

describe('ConferencePicker', () => {
  it('asks for nothing until opened, then for one page of the newest, and says that more exist', async () => {
    render(wrap(<ConferencePicker testId="picker" />));
    await act(async () => {
      await new Promise((done) => setTimeout(done, 50));
    });
    expect(calls).toEqual([]);
    fireEvent.mouseDown(input());
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    expect(calls).toEqual([{ method: 'conferences.page', input: { offset: 0, limit: 50 } }]);
    expect(calls.some((c) => c.method === 'conferences.list')).toBe(false);
    expect(screen.getByTestId('conference-picker-more').textContent).toContain('共 121 场');
    // A cancelled conference says so.
    expect(options().some((o) => o === '2025-01-04 第3场新闻发布会（已取消）')).toBe(true);
  });

  it('searches on the server as one types, and picks from what it found', async () => {
    const picked = vi.fn();
    render(wrap(<ConferencePicker testId="picker" onChange={picked} />));
    fireEvent.mouseDown(input());
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    fireEvent.change(input(), { target: { value: '供暖' } });
    await waitFor(() => expect(options()).toEqual(['2025-01-25 冬季供暖新闻发布会']));
    expect(calls.at(-1)).toEqual({ method: 'conferences.page', input: { search: '供暖', offset: 0, limit: 50 } });
    expect(screen.queryByTestId('conference-picker-more')).toBeNull();
    fireEvent.click(document.querySelector('.ant-select-item-option') as Element);
    expect(picked).toHaveBeenCalledWith('c500');
  });

  it('names a chosen conference it does not list by asking for it', async () => {
    render(wrap(<ConferencePicker testId="picker" value="c500" />));
    await waitFor(() => expect(screen.getByTestId('picker').textContent).toContain('冬季供暖新闻发布会'));
    expect(calls).toEqual([{ method: 'conferences.get', input: { id: 'c500' } }]);
  });

  it('says when nothing matches', async () => {
    render(wrap(<ConferencePicker testId="picker" />));
    fireEvent.mouseDown(input());
    fireEvent.change(input(), { target: { value: '没有这场' } });
    await waitFor(() => expect(document.body.textContent).toContain('没有名称、议题或地点含此文字的发布会'));
  });
});
