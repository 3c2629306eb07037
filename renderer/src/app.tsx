// The app: data layer, antd locale and theme following the language setting, the shell and the routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import type { Language } from '../../common/types';
import { useSettings } from './api/hooks';
import { CATALOGS, LanguageProvider, useT } from './i18n/use-t';
import { DepartmentPage } from './pages/department-page';
import { RegisterPage } from './pages/register-page';
import { SettingsPage } from './pages/settings-page';
import { type Route, routeHref, useRoute } from './routing';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

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
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={language === 'zh-CN' ? antdZhCN : antdEnUS}
      theme={{
        token: { fontFamily: FONT_FAMILY, borderRadius: 4, colorPrimary: '#1f4e9c' },
        components: { Layout: { headerHeight: 48, headerPadding: '0 24px', siderBg: '#ffffff' } },
      }}
    >
      <AntApp>
        <LanguageProvider language={language}>
          <Shell userName={settings.data?.userName ?? ''} />
        </LanguageProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function menuKey(route: Route): string {
  return route.page === 'settings' ? 'settings' : 'register';
}

function Shell({ userName }: { userName: string }) {
  const t = useT();
  const route = useRoute();

  return (
    <Layout className="shell">
      <Layout.Sider width={184} theme="light" className="shell-sider">
        <div className="brand">
          <div className="brand-title">{t('app.title')}</div>
          <div className="brand-subtitle">{t('app.subtitle')}</div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[menuKey(route)]}
          data-testid="nav"
          items={[
            {
              key: 'register',
              label: (
                <a href={routeHref({ page: 'register' })} data-testid="nav-register">
                  {t('nav.register')}
                </a>
              ),
            },
            {
              key: 'settings',
              label: (
                <a href={routeHref({ page: 'settings' })} data-testid="nav-settings">
                  {t('nav.settings')}
                </a>
              ),
            },
          ]}
        />
      </Layout.Sider>
      <Layout className="shell-main">
        <Layout.Header className="shell-header">
          <Typography.Text className="header-title">
            {route.page === 'settings' ? t('nav.settings') : t('nav.register')}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="current-user">
            {userName ? t('header.user', { name: userName }) : ''}
          </Typography.Text>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <Page route={route} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'register':
      return <RegisterPage />;
    case 'department':
      return <DepartmentPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
  }
}
