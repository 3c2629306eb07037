// Hash routing without a router package: #/register, #/register/<id>, #/settings.
import { useSyncExternalStore } from 'react';

export type Route = { page: 'register' } | { page: 'department'; id: string } | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'register' && parts[1]) {
    try {
      return { page: 'department', id: decodeURIComponent(parts[1]) };
    } catch {
      return { page: 'register' };
    }
  }
  return { page: 'register' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'register':
      return '#/register';
    case 'department':
      return `#/register/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
