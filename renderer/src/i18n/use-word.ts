// Words for values that come from the data (an audit action, a record type, a field name): the catalog's
// word when it has one, null otherwise, so that a value the catalog does not know is shown as stored.
import { useCallback } from 'react';
import { CATALOGS, useLanguage } from './use-t';

export type LookUpWord = (prefix: string, value: string) => string | null;

export function useWord(): LookUpWord {
  const language = useLanguage();
  return useCallback(
    (prefix: string, value: string) => {
      const catalog: Record<string, string> = CATALOGS[language];
      const key = `${prefix}.${value}`;
      return Object.hasOwn(catalog, key) ? (catalog[key] ?? null) : null;
    },
    [language],
  );
}
