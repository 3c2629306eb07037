// A read-only list in the look of antd's small List, for the dashboard: antd's List brings its pagination
// (and with it Select) into the first screen's code for lists of a few dozen lines that never page.
import { type Key, type ReactNode, useState } from 'react';
import { useT } from '../i18n/use-t';

export function ItemList<T>({
  items,
  itemKey,
  renderItem,
  empty,
  limit,
  testId,
}: {
  items: readonly T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  /** Shown instead of the list when there is nothing in it. */
  empty: ReactNode;
  /**
   * At most this many items are shown at first, with a button under the list that shows the rest (and
   * hides them again): a long list does not stretch the page, nor cost the first screen its rendering.
   */
  limit?: number;
  testId?: string;
}) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) {
    return (
      <div className="item-list-empty" data-testid={testId}>
        {empty}
      </div>
    );
  }
  const folds = limit !== undefined && items.length > limit;
  const shown = folds && !expanded ? items.slice(0, limit) : items;
  return (
    <>
      <ul className="item-list" data-testid={testId}>
        {shown.map((item) => (
          <li key={itemKey(item)} className="item-list-item">
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {folds ? (
        <button
          type="button"
          className="item-list-more"
          aria-expanded={expanded}
          data-testid={testId ? `${testId}-more` : undefined}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t('common.showFewer') : t('common.showAll', { count: items.length })}
        </button>
      ) : null}
    </>
  );
}
