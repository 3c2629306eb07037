// The app: data layer, the language setting, the shell and the routes. The shell and the dashboard are plain
// elements; every other screen renders inside antd's scope (antd-scope.tsx: locale, theme, stylesheet), a chunk
// of its own that loads behind the first screen.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import type { Language } from '../../common/types';
import { AntdScope, preloadAntdScope } from './antd-scope-lazy';
import { dashboardQuery } from './api/conference-hooks';
import { settingsQuery, useSettings } from './api/hooks';
import { Loading } from './components/query-state';
import { CurrentUser } from './components/user-picker';
import { CATALOGS, LanguageProvider, useT } from './i18n/use-t';
import type { MessageKey } from './i18n/zh-CN';
import { DashboardPage } from './pages/dashboard-page';
import { parseRoute, type Route, routeHref } from './routing';
import { useRoute } from './use-route';

// Each screen past the landing page is its own chunk, loaded when first opened.
const RegisterPage = lazy(() => import('./pages/register-page').then((m) => ({ default: m.RegisterPage })));
const DepartmentPage = lazy(() => import('./pages/department-page').then((m) => ({ default: m.DepartmentPage })));
const SettingsPage = lazy(() => import('./pages/settings-page').then((m) => ({ default: m.SettingsPage })));
const ConferenceListPage = lazy(() =>
  import('./pages/conference-list-page').then((m) => ({ default: m.ConferenceListPage })),
);
const ConferenceDetailPage = lazy(() =>
  import('./pages/conference-detail-page').then((m) => ({ default: m.ConferenceDetailPage })),
);
const ConferenceEditorPage = lazy(() =>
  import('./pages/conference-editor').then((m) => ({ default: m.ConferenceEditorPage })),
);
const CheckInPage = lazy(() => import('./pages/check-in-page').then((m) => ({ default: m.CheckInPage })));
const PrintPage = lazy(() => import('./pages/conference-print').then((m) => ({ default: m.ConferencePrintPage })));
const CalendarPage = lazy(() => import('./pages/calendar-page').then((m) => ({ default: m.CalendarPage })));
const PlannerPage = lazy(() => import('./pages/planner-page').then((m) => ({ default: m.PlannerPage })));
const CompliancePage = lazy(() => import('./pages/compliance-page').then((m) => ({ default: m.CompliancePage })));
const DocumentListPage = lazy(() =>
  import('./pages/document-list-page').then((m) => ({ default: m.DocumentListPage })),
);
const DocumentPage = lazy(() => import('./pages/document-page').then((m) => ({ default: m.DocumentPage })));
const DocumentNewPage = lazy(() => import('./pages/document-new-page').then((m) => ({ default: m.DocumentNewPage })));
const AnswersPage = lazy(() => import('./pages/answers-page').then((m) => ({ default: m.AnswersPage })));
const TemplatesPage = lazy(() => import('./pages/templates-page').then((m) => ({ default: m.TemplatesPage })));
const ExchangePage = lazy(() => import('./pages/exchange-page').then((m) => ({ default: m.ExchangePage })));
const OpinionsPage = lazy(() => import('./pages/opinions-page').then((m) => ({ default: m.OpinionsPage })));
const PortalPage = lazy(() => import('./pages/portal-page').then((m) => ({ default: m.PortalPage })));
const AssessmentPage = lazy(() => import('./pages/assessment-page').then((m) => ({ default: m.AssessmentPage })));
const AuditPage = lazy(() => import('./pages/audit-page').then((m) => ({ default: m.AuditPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

/**
 * Asks for what the first screen shows before React renders anything (call after the session token is
 * read). Settled when the answers are in, so the first render can show the screen whole: one render
 * instead of the shell, then the language, then the data.
 */
export function prefetchFirstScreen(): Promise<unknown> {
  const asked: Promise<void>[] = [queryClient.prefetchQuery(settingsQuery)];
  if (parseRoute(window.location.hash).page === 'dashboard') asked.push(queryClient.prefetchQuery(dashboardQuery));
  // prefetchQuery never rejects: a failed request is left for the page's own query to show and retry.
  return Promise.all(asked);
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localized />
    </QueryClientProvider>
  );
}

function Localized() {
  const settings = useSettings();
  const language: Language = settings.data?.language ?? 'zh-CN';
  // dayjs's locale is global: set it before the date pickers render.
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = CATALOGS[language]['app.title'];
  }, [language]);

  return (
    <LanguageProvider language={language}>
      <Shell language={language} userName={settings.data?.userName ?? ''} />
    </LanguageProvider>
  );
}

type MenuKey =
  | 'dashboard'
  | 'conferences'
  | 'calendar'
  | 'planner'
  | 'documents'
  | 'answers'
  | 'templates'
  | 'exchange'
  | 'opinions'
  | 'portal'
  | 'assessment'
  | 'compliance'
  | 'register'
  | 'audit'
  | 'settings';

function menuKey(route: Route): MenuKey {
  switch (route.page) {
    case 'department':
      return 'register';
    case 'conferenceNew':
    case 'conference':
    case 'conferenceEdit':
    case 'checkIn':
    case 'print':
      return 'conferences';
    case 'documentNew':
    case 'document':
      return 'documents';
    case 'opinion':
      return 'opinions';
    default:
      return route.page;
  }
}

const MENU: { key: MenuKey; label: MessageKey }[] = [
  { key: 'dashboard', label: 'nav.dashboard' },
  { key: 'conferences', label: 'nav.conferences' },
  { key: 'calendar', label: 'nav.calendar' },
  { key: 'planner', label: 'nav.planner' },
  { key: 'documents', label: 'nav.documents' },
  { key: 'answers', label: 'nav.answers' },
  { key: 'templates', label: 'nav.templates' },
  { key: 'exchange', label: 'nav.exchange' },
  { key: 'opinions', label: 'nav.opinions' },
  { key: 'portal', label: 'nav.portal' },
  { key: 'compliance', label: 'nav.compliance' },
  { key: 'assessment', label: 'nav.assessment' },
  { key: 'register', label: 'nav.register' },
  { key: 'audit', label: 'nav.audit' },
  { key: 'settings', label: 'nav.settings' },
];

function Shell({ language, userName }: { language: Language; userName: string }) {
  const t = useT();
  const route = useRoute();
  const current = menuKey(route);
  const title = MENU.find((m) => m.key === current)?.label ?? 'nav.dashboard';
  // Once the first screen is drawn, antd's scope loads in the background, so the next screen opens at once.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(preloadAntdScope);
  }, []);

  return (
    <div className="shell">
      <aside className="shell-sider no-print">
        <div className="brand">
          <div className="brand-title">{t('app.title')}</div>
          <div className="brand-subtitle">{t('app.subtitle')}</div>
        </div>
        {/* Links in the look of antd's inline Menu: the whole row is the link, Tab walks them, and no menu
            machinery (a tooltip and a resize observer per item) runs on every start. */}
        <nav aria-label={t('nav.label')}>
          <ul className="shell-nav" data-testid="nav">
            {MENU.map((m) => (
              <li key={m.key}>
                <a
                  href={routeHref({ page: m.key })}
                  data-testid={`nav-${m.key}`}
                  className={m.key === current ? 'shell-nav-item shell-nav-item-selected' : 'shell-nav-item'}
                  aria-current={m.key === current ? 'page' : undefined}
                >
                  {t(m.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="shell-main">
        <header className="shell-header no-print">
          <span className="header-title">{t(title)}</span>
          <CurrentUser userName={userName} language={language} />
        </header>
        <main className="shell-content">
          <Suspense fallback={<Loading />}>
            {route.page === 'dashboard' ? (
              <DashboardPage />
            ) : (
              <AntdScope language={language}>
                <Page route={route} />
              </AntdScope>
            )}
          </Suspense>
        </main>
      </div>
    </div>
  );
}

/** Every screen but the dashboard, inside antd's scope (Shell). */
function Page({ route }: { route: Exclude<Route, { page: 'dashboard' }> }) {
  switch (route.page) {
    case 'register':
      return <RegisterPage />;
    case 'department':
      return <DepartmentPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'conferences':
      return <ConferenceListPage />;
    case 'conferenceNew':
      return <ConferenceEditorPage key={`new-${route.date ?? ''}`} date={route.date} />;
    case 'conference':
      return <ConferenceDetailPage key={route.id} id={route.id} />;
    case 'conferenceEdit':
      return <ConferenceEditorPage key={route.id} id={route.id} />;
    case 'checkIn':
      return <CheckInPage key={route.id} id={route.id} />;
    case 'print':
      return <PrintPage key={route.id} id={route.id} />;
    case 'calendar':
      return <CalendarPage />;
    case 'planner':
      return <PlannerPage />;
    case 'compliance':
      return <CompliancePage />;
    case 'documents':
      return <DocumentListPage />;
    case 'documentNew':
      return <DocumentNewPage key={`new-${route.conferenceId ?? ''}`} conferenceId={route.conferenceId} />;
    case 'document':
      return <DocumentPage key={route.id} id={route.id} />;
    case 'answers':
      return <AnswersPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'opinions':
      return <OpinionsPage />;
    case 'opinion':
      return <OpinionsPage key={route.id} id={route.id} />;
    case 'portal':
      return <PortalPage />;
    case 'assessment':
      return <AssessmentPage />;
    case 'audit':
      return <AuditPage />;
  }
}
