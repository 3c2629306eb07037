// @vitest-environment jsdom
// The 舆情 editor in a DOM: a 重大 item not reported up shows the warning and its deadline; the
// server's rule between fields lands on its field in Chinese; closing with changes asks first.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpinionView } from '../../../common/opinion-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: unknown }[] = [];
// antd renders slowly in jsdom on a busy machine.
const SLOW = { timeout: 10_000 };

vi.mock('../../../renderer/src/api/client', () => {
  class ApiRequestError extends Error {
    code = 'invalid_input';
    issues: { path: string; message: string }[];
    constructor(message: string, issues: { path: string; message: string }[]) {
      super(message);
      this.issues = issues;
    }
  }
  return {
    ApiRequestError,
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input });
      switch (method) {
        case 'opinions.get':
          return item;
        case 'opinions.grades':
          return [
            { grade: 'general', definition: '一般性问题', deadlineHours: 72 },
            { grade: 'major', definition: '较多关注', deadlineHours: 48 },
            { grade: 'severe', definition: '广泛关注，须及时上报', deadlineHours: 24 },
          ];
        case 'dashboard.get':
          return { asOf: '2026-11-27' };
        case 'opinions.update':
          throw new ApiRequestError('answeredAt: an answered or closed item needs the time it was answered', [
            { path: 'answeredAt', message: 'an answered or closed item needs the time it was answered' },
          ]);
        default:
          return [];
      }
    },
  };
});

const { OpinionEditor } = await import('../../../renderer/src/components/opinions/opinion-editor');

const item: OpinionView = {
  id: 'op-1',
  source: '“日照发布”微博评论区',
  channel: 'weibo',
  summary: '网民反映某小区供暖温度不达标',
  topic: '冬季供暖',
  link: null,
  detectedAt: '2026-11-27T01:30:00.000Z',
  grade: 'severe',
  judgement: null,
  reaction: null,
  mediaInvolvement: null,
  departmentId: null,
  departmentName: null,
  response: null,
  deadlineAt: '2026-11-28T01:30:00.000Z',
  answeredAt: null,
  documentId: null,
  documentTitle: null,
  conferenceId: null,
  conferenceTitle: null,
  status: 'answered',
  reportedTo: null,
  reportedAt: null,
  notes: null,
  overdue: false,
  unreported: true,
  responseHours: null,
  updatedAt: '2026-11-27T02:00:00.000Z',
};

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  calls.length = 0;
});

describe('OpinionEditor', () => {
  it('shows a 重大 item’s deadline and the report-up warning, and puts the server’s rule on its field', async () => {
    render(wrap(<OpinionEditor id="op-1" onClose={() => {}} />));
    const preview = await screen.findByTestId('opinion-deadline-preview', {}, SLOW);
    await waitFor(
      () => expect(screen.getByTestId('opinion-deadline-rule').textContent).toBe('重大舆情须在发现后 24 小时内回应'),
      SLOW,
    );
    expect(screen.getByTestId('opinion-deadline-at').textContent).toMatch(/^2026-11-28 \d\d:30$/);
    expect(preview.textContent).toMatch(/剩余|已超时/);
    expect(screen.getByTestId('opinion-report-warning').textContent).toContain('重大舆情须及时向上级报告');

    await act(async () => {
      fireEvent.click(screen.getByTestId('opinion-save'));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'opinions.update')).toBe(true), SLOW);
    expect(await screen.findByText('已回应或已办结的舆情须填写回应时间', {}, SLOW)).toBeTruthy();
  }, 60_000);

  it('asks before closing over unsaved changes, and closes at once without them', async () => {
    const onClose = vi.fn();
    render(wrap(<OpinionEditor id="op-1" onClose={onClose} />));
    const notes = (await screen.findByTestId('opinion-notes', {}, SLOW)) as HTMLTextAreaElement;
    fireEvent.click(screen.getByTestId('opinion-cancel'));
    expect(onClose).toHaveBeenCalledTimes(1);

    fireEvent.change(notes, { target: { value: '已电话联系住建部门' } });
    fireEvent.click(screen.getByTestId('opinion-cancel'));
    const leave = await screen.findByTestId('opinion-leave-confirm', {}, SLOW);
    expect(document.querySelector('.ant-modal-title')?.textContent).toBe('放弃未保存的修改？');
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(leave);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2), SLOW);
  }, 60_000);
});
