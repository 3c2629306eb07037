// A fresh in-memory database with the real migrations, a fixed clock and predictable ids.
import { type OpenedApp, openApp } from '../../../services/open-app';

export interface TestApp extends OpenedApp {
  setNow: (iso: string) => void;
}

export function testApp(options: { seed?: boolean; now?: string; actor?: string } = {}): TestApp {
  let now = new Date(options.now ?? '2026-03-15T09:00:00+08:00');
  let counter = 0;
  const app = openApp(':memory:', {
    mode: 'cli',
    seed: options.seed ?? true,
    actor: options.actor ?? 'tester',
    now: () => now,
    newId: () => `id-${String(++counter).padStart(4, '0')}`,
  });
  return { ...app, setNow: (iso) => (now = new Date(iso)) };
}
