import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language, MessageKey } from './messages';
import {
  chooseLanguage,
  LANGUAGE_STORAGE_KEY,
  translate,
  translatePlural,
  type Params,
  type PluralKey,
} from './translate';
import { formatDate, formatDateTime, formatRange, formatTime } from './time';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  tn: (key: PluralKey, count: number, params?: Params) => string;
  dateTime: (value: string, timeZone: string) => string;
  date: (value: string, timeZone: string) => string;
  time: (value: string, timeZone: string) => string;
  range: (start: string, end: string, timeZone: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(
    () => initial ?? chooseLanguage(storedLanguage(), browserLanguages()),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((chosen: Language) => {
    setLanguageState(chosen);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, chosen);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      tn: (key, count, params) => translatePlural(language, key, count, params),
      dateTime: (value, timeZone) => formatDateTime(value, timeZone, language),
      date: (value, timeZone) => formatDate(value, timeZone, language),
      time: (value, timeZone) => formatTime(value, timeZone, language),
      range: (start, end, timeZone) => formatRange(start, end, timeZone, language),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) {
    throw new Error('useI18n needs an I18nProvider around it');
  }
  return i18n;
}
