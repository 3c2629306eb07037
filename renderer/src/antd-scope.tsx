// antd for every screen but the first: its locale and theme (ConfigProvider), its App (message, modal) and
// its stylesheet, loaded as one chunk when a screen that uses antd is first opened (or, once the first screen
// has been drawn, in the background). The shell and the dashboard are plain elements (components/plain.tsx)
// and render before this chunk has loaded: docs/performance.md, start-up.
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Language } from '../../common/types';
// antd's component styles, built ahead (the theme runs with zeroRuntime: no styles generated while rendering),
// then the app's own again, so that they win ties of equal specificity as before (after-antd.css).
import 'antd/dist/antd.css';
import './after-antd.css';
import { THEME_TOKEN } from './theme';

/**
 * One object for the life of the page, so that a re-render does not hand antd a new theme. zeroRuntime: the
 * component styles come from antd's prebuilt stylesheet (imported above) instead of being generated while a
 * screen renders; the tokens below still apply, as CSS variables.
 */
const THEME: ThemeConfig = {
  zeroRuntime: true,
  token: THEME_TOKEN,
};

export default function AntdScope({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={language === 'zh-CN' ? antdZhCN : antdEnUS}
      theme={THEME}
    >
      <AntApp className="antd-scope">{children}</AntApp>
    </ConfigProvider>
  );
}
