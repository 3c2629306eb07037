// @vitest-environment jsdom
// The template editor in a DOM: typing an unknown placeholder names its line at once and blocks the
// save; fixing it lets the save through with the text as typed; a built-in is read-only with a copy button.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TemplateView } from '../../../common/document-types';
import { wrap } from './helpers/app-wrapper';
import { installBrowserStubs } from './helpers/browser-stubs';

const calls: { method: string; input: unknown }[] = [];

vi.mock('../../../renderer/src/api/client', () => {
  class ApiRequestError extends Error {
    issues: { path: string; message: string }[] = [];
  }
  return {
    ApiRequestError,
    invoke: async (method: string, input: { id?: string; fields?: object; title?: string; body?: string }) => {
      calls.push({ method, input });
      switch (method) {
        case 'templates.update':
          return { ...template, ...input.fields, builtin: false };
        case 'templates.preview':
          return { title: input.title ?? '', body: input.body ?? '', missing: [], unknown: [], issues: [] };
        default:
          return [];
      }
    },
  };
});

const { TemplateEditor } = await import('../../../renderer/src/components/library/template-editor');

const template: TemplateView = {
  id: 'copy-1',
  kind: 'notice',
  name: '会议通知（副本）',
  title: '关于召开{{conference.title}}的通知',
  body: '各有关单位：\n\n定于{{conference.dateCn}}召开。',
  builtin: false,
  basedOn: 'notice',
  description: null,
  updatedAt: '2026-01-05T01:00:00.000Z',
};

beforeAll(() => {
  // antd reads media queries and element sizes; jsdom has neither.
  installBrowserStubs();
});

afterEach(() => {
  cleanup();
  calls.length = 0;
});

function body(): HTMLTextAreaElement {
  return screen.getByTestId('template-body') as HTMLTextAreaElement;
}

describe('TemplateEditor', () => {
  it('names an unknown placeholder by its line as it is typed, and refuses to save until it is fixed', async () => {
    render(wrap(<TemplateEditor template={template} onBack={() => {}} onOpen={() => {}} />));
    const save = screen.getByTestId('template-save') as HTMLButtonElement;
    expect(save.disabled).toBe(false);

    fireEvent.change(body(), {
      target: { value: '各有关单位：\n\n定于{{conference.dateCn}}召开。\n{{conference.titel}}' },
    });
    const issues = await screen.findByTestId('template-body-issues');
    expect(issues.textContent).toBe('第4行：未知占位符 {{conference.titel}}，是否为 {{conference.title}}？');
    expect(save.disabled).toBe(true);
    expect(screen.queryByTestId('template-dirty')).not.toBeNull();

    // Ctrl+S is refused too, and nothing is sent.
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(calls.some((c) => c.method === 'templates.update')).toBe(false);

    // Clicking the issue selects the offending text.
    fireEvent.click(issues.querySelector('button') as HTMLButtonElement);
    expect(body().value.slice(body().selectionStart, body().selectionEnd)).toBe('{{conference.titel}}');

    fireEvent.change(body(), {
      target: { value: '各有关单位：\n\n定于{{conference.dateCn}}召开。\n{{conference.title}}' },
    });
    await waitFor(() => expect(screen.queryByTestId('template-body-issues')).toBeNull());
    expect(save.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(save);
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'templates.update')).toBe(true));
    expect(calls.find((c) => c.method === 'templates.update')?.input).toEqual({
      id: 'copy-1',
      fields: {
        kind: 'notice',
        name: '会议通知（副本）',
        title: '关于召开{{conference.title}}的通知',
        body: '各有关单位：\n\n定于{{conference.dateCn}}召开。\n{{conference.title}}',
        basedOn: 'notice',
      },
    });
    await waitFor(() => expect(screen.queryByTestId('template-dirty')).toBeNull());
  });

  it('warns in amber about full-width braces without blocking the save', async () => {
    render(wrap(<TemplateEditor template={template} onBack={() => {}} onOpen={() => {}} />));
    fireEvent.change(body(), { target: { value: '地点：｛｛conference.venue｝｝' } });
    const warning = await screen.findByTestId('template-issue-warning');
    expect(warning.textContent).toBe('第1行：全角花括号“｛｛”不构成占位符，请切换为半角输入 {{');
    expect((screen.getByTestId('template-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('opens a built-in read-only, with the copy button instead of save', () => {
    render(
      wrap(
        <TemplateEditor
          template={{ ...template, id: 'notice', builtin: true, basedOn: null, description: '发给发布单位的会议通知' }}
          onBack={() => {}}
          onOpen={() => {}}
        />,
      ),
    );
    expect(body().readOnly).toBe(true);
    expect(screen.queryByTestId('template-save')).toBeNull();
    expect(screen.queryByTestId('placeholder-menu')).toBeNull();
    expect(screen.getByTestId('template-copy').textContent).toBe('复制为本办模板');
    expect(screen.getByText('发给发布单位的会议通知')).toBeTruthy();
  });
});
