// @vitest-environment jsdom
// 发布渠道 and 编辑公开信息 in a DOM: a document not yet approved shows its channels without editing; an
// approved one adds a channel (never one already listed) and saves the list; the 摘要 counter counts
// characters as the service does and a summary over 100 cannot be saved.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: unknown }[] = [];
let channels: { channel: string; date: string }[] = [];

vi.mock('../../../renderer/src/api/client', () => {
  class ApiRequestError extends Error {
    code = 'internal';
    issues: { path: string; message: string }[] = [];
  }
  return {
    ApiRequestError,
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input });
      switch (method) {
        case 'documents.channels':
          return channels;
        case 'documents.setChannels':
          channels = (input as { channels: typeof channels }).channels;
          return channels;
        case 'dashboard.get':
          return { asOf: '2026-03-16' };
        case 'portal.entry':
          return {
            documentId: 'd1',
            title: '市发改委召开一季度新闻发布会',
            indexNo: '',
            topicCategory: '综合政务',
            disclosure: '主动公开',
            summary: '一季度重大项目建设情况',
            exportedSequence: null,
            withdrawnSequence: null,
          };
        case 'portal.updateEntry':
          return {};
        default:
          return null;
      }
    },
  };
});

const { ReleaseChannels } = await import('../../../renderer/src/components/portal/release-channels');
const { EntryModal } = await import('../../../renderer/src/components/portal/entry-modal');

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  channels = [];
});

describe('ReleaseChannels', () => {
  it('shows the channels of a document under review without an edit button', async () => {
    channels = [{ channel: 'portal', date: '2026-03-16' }];
    render(wrap(<ReleaseChannels documentId="d1" status="submitted" />));
    expect(await screen.findByText('政府网站')).toBeTruthy();
    expect(screen.getByText('材料审核通过后，可登记发布渠道。')).toBeTruthy();
    expect(screen.queryByTestId('channels-edit')).toBeNull();
  });

  it('says when nothing is recorded', async () => {
    render(wrap(<ReleaseChannels documentId="d1" status="released" />));
    expect((await screen.findByTestId('channels-empty')).textContent).toBe('尚未登记发布渠道');
  });

  it('adds the next free channel dated today and saves the whole list', async () => {
    channels = [{ channel: 'portal', date: '2026-03-16' }];
    render(wrap(<ReleaseChannels documentId="d1" status="approved" />));
    fireEvent.click(await screen.findByTestId('channels-edit'));
    expect(screen.getAllByTestId('channel-draft')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('channels-add'));
    const drafts = screen.getAllByTestId('channel-draft');
    expect(drafts).toHaveLength(2);
    // 政府网站 is taken by the first row: the new one gets 政府公报.
    expect(within(drafts[1] as HTMLElement).getByText('政府公报')).toBeTruthy();
    expect(screen.queryByTestId('channel-problem')).toBeNull();
    fireEvent.click(screen.getByTestId('channels-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'documents.setChannels')).toBe(true));
    const saved = calls.find((c) => c.method === 'documents.setChannels')?.input as {
      id: string;
      channels: { channel: string; date: string }[];
    };
    expect(saved.id).toBe('d1');
    expect(saved.channels.map((c) => c.channel)).toEqual(['portal', 'gazette']);
    expect(saved.channels[1]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Back to the list, now from the service.
    await waitFor(() => expect(screen.getAllByTestId('channel-item')).toHaveLength(2));
  });

  it('cannot save a row whose date was cleared', async () => {
    channels = [{ channel: 'weibo', date: '2026-03-16' }];
    render(wrap(<ReleaseChannels documentId="d1" status="released" />));
    fireEvent.click(await screen.findByTestId('channels-edit'));
    const clear = document.querySelector('.ant-picker-clear');
    expect(clear).not.toBeNull();
    fireEvent.mouseDown(clear as Element);
    fireEvent.mouseUp(clear as Element);
    fireEvent.click(clear as Element);
    expect((await screen.findByTestId('channel-problem')).textContent).toBe('请选择发布日期');
    expect((screen.getByTestId('channels-save') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('EntryModal', () => {
  it('counts the 摘要 in characters and refuses more than 100', async () => {
    render(wrap(<EntryModal documentId="d1" onClose={() => {}} />));
    const summary = (await screen.findByTestId('entry-summary')) as HTMLTextAreaElement;
    await waitFor(() => expect(summary.value).toBe('一季度重大项目建设情况'));
    expect(screen.getByText('尚未分配。保存后即分配，此后不再改变。')).toBeTruthy();
    fireEvent.change(summary, { target: { value: '𠮷'.repeat(100) } });
    // 100 characters, 200 UTF-16 units: allowed.
    expect(screen.getByText('100 / 100')).toBeTruthy();
    expect((screen.getByTestId('entry-save') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(summary, { target: { value: '𠮷'.repeat(101) } });
    expect(screen.getByText('摘要不能超过 100 字，现为 101 字')).toBeTruthy();
    expect((screen.getByTestId('entry-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(summary, { target: { value: '市发改委一季度重大项目' } });
    fireEvent.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'portal.updateEntry')).toBe(true));
    expect(calls.find((c) => c.method === 'portal.updateEntry')?.input).toEqual({
      documentId: 'd1',
      fields: { topicCategory: '综合政务', disclosure: '主动公开', summary: '市发改委一季度重大项目' },
    });
  });
});
