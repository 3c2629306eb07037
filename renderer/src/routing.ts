// Hash routing without a router package: #/dashboard, #/register, #/register/<id>, #/conferences,
// #/conferences/new, #/conferences/<id>[/edit|/check-in|/print], #/calendar, #/planner, #/compliance, #/audit, #/settings.
// No React here: the early-request script (early-requests.ts) reads the route before React loads.

export type Route =
  | { page: 'dashboard' }
  | { page: 'register' }
  | { page: 'department'; id: string }
  | { page: 'conferences' }
  | { page: 'conferenceNew'; date?: string }
  | { page: 'conference'; id: string }
  | { page: 'conferenceEdit'; id: string }
  | { page: 'checkIn'; id: string }
  | { page: 'print'; id: string }
  | { page: 'calendar' }
  | { page: 'planner' }
  | { page: 'compliance' }
  | { page: 'documents' }
  | { page: 'documentNew'; conferenceId?: string }
  | { page: 'document'; id: string }
  | { page: 'answers' }
  | { page: 'templates' }
  | { page: 'exchange' }
  | { page: 'opinions' }
  | { page: 'opinion'; id: string }
  | { page: 'portal' }
  | { page: 'assessment' }
  | { page: 'audit' }
  | { page: 'settings' };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const id = parts[1] ? decode(parts[1]) : null;
  switch (parts[0]) {
    case 'settings':
      return { page: 'settings' };
    case 'register':
      return id ? { page: 'department', id } : { page: 'register' };
    case 'calendar':
      return { page: 'calendar' };
    case 'planner':
      return { page: 'planner' };
    case 'compliance':
      return { page: 'compliance' };
    case 'audit':
      return { page: 'audit' };
    case 'documents': {
      if (!parts[1]) return { page: 'documents' };
      if (parts[1] === 'new') {
        const conferenceId = new URLSearchParams(query).get('conference');
        return conferenceId ? { page: 'documentNew', conferenceId } : { page: 'documentNew' };
      }
      return id ? { page: 'document', id } : { page: 'documents' };
    }
    case 'answers':
      return { page: 'answers' };
    case 'templates':
      return { page: 'templates' };
    case 'exchange':
      return { page: 'exchange' };
    case 'opinions':
      return id ? { page: 'opinion', id } : { page: 'opinions' };
    case 'portal':
      return { page: 'portal' };
    case 'assessment':
      return { page: 'assessment' };
    case 'conferences': {
      if (!parts[1]) return { page: 'conferences' };
      if (parts[1] === 'new') {
        const date = new URLSearchParams(query).get('date');
        return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { page: 'conferenceNew', date } : { page: 'conferenceNew' };
      }
      if (!id) return { page: 'conferences' };
      if (parts[2] === 'edit') return { page: 'conferenceEdit', id };
      if (parts[2] === 'check-in') return { page: 'checkIn', id };
      if (parts[2] === 'print') return { page: 'print', id };
      return { page: 'conference', id };
    }
    default:
      return { page: 'dashboard' };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return '#/dashboard';
    case 'register':
      return '#/register';
    case 'department':
      return `#/register/${encodeURIComponent(route.id)}`;
    case 'conferences':
      return '#/conferences';
    case 'documents':
      return '#/documents';
    case 'documentNew':
      return route.conferenceId
        ? `#/documents/new?conference=${encodeURIComponent(route.conferenceId)}`
        : '#/documents/new';
    case 'document':
      return `#/documents/${encodeURIComponent(route.id)}`;
    case 'answers':
      return '#/answers';
    case 'templates':
      return '#/templates';
    case 'exchange':
      return '#/exchange';
    case 'opinions':
      return '#/opinions';
    case 'opinion':
      return `#/opinions/${encodeURIComponent(route.id)}`;
    case 'portal':
      return '#/portal';
    case 'assessment':
      return '#/assessment';
    case 'conferenceNew':
      return route.date ? `#/conferences/new?date=${route.date}` : '#/conferences/new';
    case 'conference':
      return `#/conferences/${encodeURIComponent(route.id)}`;
    case 'conferenceEdit':
      return `#/conferences/${encodeURIComponent(route.id)}/edit`;
    case 'checkIn':
      return `#/conferences/${encodeURIComponent(route.id)}/check-in`;
    case 'print':
      return `#/conferences/${encodeURIComponent(route.id)}/print`;
    case 'calendar':
      return '#/calendar';
    case 'planner':
      return '#/planner';
    case 'compliance':
      return '#/compliance';
    case 'audit':
      return '#/audit';
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
