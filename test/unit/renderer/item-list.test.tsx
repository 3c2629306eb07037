// @vitest-environment jsdom
// components/item-list.tsx: the dashboard's lists show their first items and fold the rest behind a button.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemList } from '../../../renderer/src/components/item-list';

afterEach(cleanup);

const names = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}场`);

function list(items: string[], limit?: number) {
  return render(
    <ItemList items={items} itemKey={(s) => s} renderItem={(s) => s} empty="没有" limit={limit} testId="awaiting" />,
  );
}

describe('ItemList', () => {
  it('shows the first items of a longer list, and the rest on demand', () => {
    list(names(12), 10);
    const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(shown()).toEqual(names(10));
    const more = screen.getByTestId('awaiting-more');
    expect(more.textContent).toBe('显示全部 12 项');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(shown()).toEqual(names(12));
    expect(more.textContent).toBe('收起');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(more);
    expect(shown()).toEqual(names(10));
  });

  it('has no button when everything fits, or without a limit', () => {
    list(names(10), 10);
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    expect(screen.queryByTestId('awaiting-more')).toBeNull();
    cleanup();
    list(names(30));
    expect(screen.getAllByRole('listitem')).toHaveLength(30);
    expect(screen.queryByTestId('awaiting-more')).toBeNull();
  });

  it('says so when the list is empty', () => {
    list([], 10);
    expect(screen.getByTestId('awaiting').textContent).toBe('没有');
  });
});
