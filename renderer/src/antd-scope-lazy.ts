// antd's scope (antd-scope.tsx) as a lazy component: its chunk loads when first rendered or preloaded.
import { lazy } from 'react';

let loading: Promise<typeof import('./antd-scope')> | null = null;

/** One load for the preload and the lazy component; a failed one is tried again when next asked. */
function load(): Promise<typeof import('./antd-scope')> {
  loading ??= import('./antd-scope').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

export const AntdScope = lazy(load);

/** Loads antd's scope ahead of the first screen that needs it; a failure shows where the scope is needed. */
export function preloadAntdScope(): void {
  load().catch(() => {});
}
