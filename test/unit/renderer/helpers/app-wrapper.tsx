// What a rendered screen or component needs around it in a test: a fresh query client (no retries, so an
// error shows at once), antd's App (message, modal) and the Chinese catalog.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { LanguageProvider } from '../../../../renderer/src/i18n/use-t';

export function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <App>
        <LanguageProvider language="zh-CN">{children}</LanguageProvider>
      </App>
    </QueryClientProvider>
  );
}
