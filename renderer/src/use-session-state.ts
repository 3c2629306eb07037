import { useEffect, useState } from 'react';

/** State that survives leaving the page and reloads within the session (e.g. the register's filters). */
export function useSessionState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.sessionStorage.getItem(`press-office.${key}`);
      return stored ? { ...initial, ...(JSON.parse(stored) as T) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.sessionStorage.setItem(`press-office.${key}`, JSON.stringify(value));
    } catch {
      // Storage may be unavailable; the state then lasts for this page only.
    }
  }, [key, value]);
  return [value, setValue];
}
