// @vitest-environment jsdom
// components/plain.tsx and query-state.tsx draw the first screen in antd's look without antd (its JavaScript and
// stylesheet load behind it, antd-scope.tsx): the elements and classes they render. That styles.css draws those
// classes as antd would is checked in test/unit/first-screen-styles.test.ts.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PlainButtonLink,
  PlainCard,
  PlainEmpty,
  PlainRow,
  PlainTag,
  PlainText,
  type TagColor,
} from '../../../renderer/src/components/plain';
import { Loading, QueryError } from '../../../renderer/src/components/query-state';
import { wrap } from './helpers/app-wrapper';

afterEach(cleanup);

describe('plain components', () => {
  it.each([undefined, 'default', 'orange', 'red'] as (TagColor | undefined)[])(
    'PlainTag %s names its colour',
    (color) => {
      const { container } = render(
        <PlainTag color={color} data-testid="grade" data-grade="severe">
          重大
        </PlainTag>,
      );
      const tag = container.firstElementChild as HTMLElement;
      const named = color && color !== 'default' ? [`tag-chip-${color}`] : [];
      expect(tag.tagName).toBe('SPAN');
      expect([...tag.classList]).toEqual(['tag-chip', ...named]);
      expect(tag.dataset.grade).toBe('severe');
      expect(tag.textContent).toBe('重大');
    },
  );

  it.each(['secondary', 'danger', 'warning', 'success'] as const)('PlainText %s names its type', (type) => {
    const { container } = render(
      <PlainText type={type} className="small">
        已超时 3 小时
      </PlainText>,
    );
    expect([...(container.firstElementChild as Element).classList]).toEqual([
      'plain-text',
      `plain-text-${type}`,
      'small',
    ]);
  });

  it('a card has its title, extra and content', () => {
    const { getByTestId } = render(
      <PlainCard title="舆情预警" extra={<a href="#/opinions">查看全部</a>} testId="card">
        <p>内容</p>
      </PlainCard>,
    );
    const card = getByTestId('card');
    expect(card.querySelector('.plain-card-title')?.textContent).toBe('舆情预警');
    expect(card.querySelector('.plain-card-extra a')?.getAttribute('href')).toBe('#/opinions');
    expect(card.querySelector('.plain-card-body')?.textContent).toBe('内容');
  });

  it('a card without extra has no extra box', () => {
    const { container } = render(<PlainCard title="本季度">x</PlainCard>);
    expect(container.querySelector('.plain-card-extra')).toBeNull();
  });

  it('empty says what is empty; a button link goes where it says', () => {
    const empty = render(<PlainEmpty description="暂无发布会" />).container;
    expect(empty.querySelector('.plain-empty-description')?.textContent).toBe('暂无发布会');
    const link = render(
      <PlainButtonLink primary href="#/planner">
        制订季度计划
      </PlainButtonLink>,
    ).getByRole('link', { name: '制订季度计划' });
    expect(link.getAttribute('href')).toBe('#/planner');
    expect([...link.classList]).toEqual(['plain-button', 'plain-button-primary']);
  });

  it('a row wraps its items without a wrapper each', () => {
    const { container } = render(
      <PlainRow gap={8}>
        <span>a</span>
        <span>b</span>
      </PlainRow>,
    );
    const row = container.firstElementChild as Element;
    expect([...row.classList]).toEqual(['plain-row', 'plain-row-8']);
    expect(row.children).toHaveLength(2);
  });
});

describe('query states without antd', () => {
  it('loading says so, as a status', () => {
    const { getByRole } = render(wrap(<Loading />));
    expect(getByRole('status').textContent).toContain('正在加载…');
  });

  it('an error names the failure and retries on request', () => {
    const onRetry = vi.fn();
    const { getByTestId, getByRole } = render(wrap(<QueryError error={new Error('磁盘已满')} onRetry={onRetry} />));
    const alert = getByTestId('load-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('加载失败');
    expect(alert.textContent).toContain('磁盘已满');
    fireEvent.click(getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
