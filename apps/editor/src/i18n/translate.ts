import { messagesEn, type MessageKey } from './messages-en';
import { messagesZhCn } from './messages-zh-cn';

/** The two languages the editor speaks. */
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en: messagesEn, 'zh-CN': messagesZhCn };

/** Values filled into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

/**
 * UI text for a key in a locale, with `{name}` placeholders filled.
 * @example translate('en', 'tabs.problems', { count: 2 }) // "Problems (2)"
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The browser's preferred language among ours: any Chinese means zh-CN, anything else English.
 * @example detectLocale(['zh-TW', 'en']) // "zh-CN"
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The keys each dictionary has, for the test that both languages say everything. */
export function dictionaryKeys(locale: Locale): string[] {
  return Object.keys(DICTIONARIES[locale]).sort();
}
