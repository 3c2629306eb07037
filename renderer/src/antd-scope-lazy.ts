// antd's scope (antd-scope.tsx) as a lazy component: its chunk loads when first rendered or preloaded.
import { lazy } from 'react';

export const AntdScope = lazy(() => import('./antd-scope'));

/** Loads antd's scope ahead of the first screen that needs it (later calls cost nothing). */
export function preloadAntdScope(): void {
  void import('./antd-scope');
}
