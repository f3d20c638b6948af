import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { de } from './de.ts';
import { en, type MessageKey } from './en.ts';

export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, de };
const storageKey = 'tandem.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatDate: (iso: string | null) => string;
  formatDateTime: (iso: string | null) => string;
  formatNumber: (value: number | string, fractionDigits?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const tag = locale === 'de' ? 'de-DE' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, values = {}) =>
        dictionaries[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
          name in values ? String(values[name]) : match,
        ),
      formatDate: (iso) => (iso === null ? '—' : dateFormat.format(new Date(iso))),
      formatDateTime: (iso) => (iso === null ? '—' : dateTimeFormat.format(new Date(iso))),
      formatNumber: (value, fractionDigits = 2) =>
        new Intl.NumberFormat(tag, {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        }).format(Number(value)),
    };
  }, [locale, setLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
