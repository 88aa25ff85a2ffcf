import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { setApiLocale } from '../../shared/api';
import { readLocale, type UiLocale, writeLocale } from '../../shared/locale';
import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const CATALOGS: Record<UiLocale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/**
 * Fills `{name}` placeholders.
 *
 * @example
 * format('共 {total} 条', { total: 3 }) // '共 3 条'
 */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

interface I18n {
  locale: UiLocale;
  setLocale: (locale: UiLocale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<UiLocale>(() => {
    const initial = readLocale();
    setApiLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: UiLocale) => {
    writeLocale(next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => format(CATALOGS[locale][key], vars),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
