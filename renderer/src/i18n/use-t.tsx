// A tiny i18n layer: the language comes from the settings, messages from the catalogs.
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { Language } from '../../../common/types';
import { enUS } from './en-US';
import { interpolate, type MessageParams } from './interpolate';
import { type Catalog, type MessageKey, zhCN } from './zh-CN';

export const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, 'en-US': enUS };

const LanguageContext = createContext<Language>('zh-CN');

export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return useCallback(
    (key: MessageKey, params?: MessageParams) => interpolate(CATALOGS[language][key], params),
    [language],
  );
}
