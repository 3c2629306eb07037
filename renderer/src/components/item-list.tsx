// A read-only list in the look of antd's small List, for the dashboard: antd's List brings its pagination
// (and with it Select) into the first screen's code for lists of a few dozen lines that never page.
import type { Key, ReactNode } from 'react';

export function ItemList<T>({
  items,
  itemKey,
  renderItem,
  empty,
  testId,
}: {
  items: readonly T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  /** Shown instead of the list when there is nothing in it. */
  empty: ReactNode;
  testId?: string;
}) {
  if (items.length === 0) {
    return (
      <div className="item-list-empty" data-testid={testId}>
        {empty}
      </div>
    );
  }
  return (
    <ul className="item-list" data-testid={testId}>
      {items.map((item) => (
        <li key={itemKey(item)} className="item-list-item">
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
