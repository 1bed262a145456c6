import type { Locale } from './diagnostic';

const chinese = new Map<string, string>();

/**
 * A validation message in both languages: returns the English text (what zod carries)
 * and remembers its Chinese, which `translateMessage` gives back for zh-CN. Custom node
 * packages can use it for their own config messages.
 * @example z.array(z.string()).min(1, bilingual('add at least one keyword', '至少添加一个关键词'))
 */
export function bilingual(en: string, zh: string): string {
  chinese.set(en, zh);
  return en;
}

/** The message in a locale: the registered Chinese of an English message, else the message itself. */
export function translateMessage(message: string, locale: Locale): string {
  return locale === 'zh-CN' ? (chinese.get(message) ?? message) : message;
}
