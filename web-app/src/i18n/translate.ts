import { dictionaries, en, LANGUAGES, type Language, type MessageKey } from './messages';

export type Params = Readonly<Record<string, string | number>>;

/** The keys that have plural forms, without their .one / .other ending. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The placeholders a message uses, e.g. ["count"] for "{count} places to fill". */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export function interpolate(template: string, params: Params = {}, language: Language = 'en'): string {
  const numbers = new Intl.NumberFormat(language);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) {
      return whole;
    }
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[language][key], params, language);
}

export function translatePlural(language: Language, key: PluralKey, count: number, params: Params = {}): string {
  const category = new Intl.PluralRules(language).select(count);
  const form = `${key}.${category}`;
  const chosen: MessageKey = isMessageKey(form) ? form : `${key}.other`;
  return translate(language, chosen, { ...params, count });
}

/** Where a choice is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'caravan.language';

/**
 * The language to show: the one chosen before (kept in localStorage), else the first of the browser's languages
 * that the app speaks (any Chinese is shown in Simplified Chinese), else English.
 */
export function chooseLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  const known = LANGUAGES.find((language) => language === stored);
  if (known !== undefined) {
    return known;
  }
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) {
      return 'zh-CN';
    }
    if (lower === 'en' || lower.startsWith('en-')) {
      return 'en';
    }
  }
  return 'en';
}
