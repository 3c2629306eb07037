// Browser mode hands the per-launch API token in the URL fragment (`#token=...`), so it never reaches a
// log or a Referer. It is kept in sessionStorage (reloads keep working) and removed from the address bar
// before the hash router reads the location.
const STORAGE_KEY = 'press-office.token';

let token: string | null = null;

/** Reads `token` from the fragment, stores it and strips it. Call once, before routing starts. */
export function captureSessionToken(): void {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash.startsWith('token=') || hash.includes('&token=')) {
    const params = new URLSearchParams(hash.replace(/^\/[^&]*&?/, ''));
    const given = params.get('token');
    if (given) {
      token = given;
      try {
        window.sessionStorage.setItem(STORAGE_KEY, given);
      } catch {
        // Storage can be disabled; the token then lives for this page only.
      }
    }
    const route = hash.startsWith('/') ? hash.split('&')[0] : '';
    const url = `${window.location.pathname}${window.location.search}${route ? `#${route}` : ''}`;
    window.history.replaceState(null, '', url);
  }
}

export function sessionToken(): string | null {
  if (token) return token;
  try {
    token = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    token = null;
  }
  return token;
}
