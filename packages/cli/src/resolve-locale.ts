import type { Locale } from '@switchyard/flow';

/** The languages `--lang` accepts. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** `zh`, `zh_CN.UTF-8`, `zh-TW` ... read as zh-CN, the one Chinese locale messages exist for. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  if (/^zh/i.test(tag)) return 'zh-CN';
  if (/^en/i.test(tag) || tag === 'C' || tag === 'POSIX') return 'en';
  return undefined;
}

/**
 * The language for human messages: `--lang` when given, else the environment
 * (LC_ALL, LC_MESSAGES, LANG, first set wins, as POSIX orders them), else English.
 * Scans the raw argv so even an argument error can be reported in the right language.
 * @example resolveLocale(['validate', '--lang', 'zh-CN'], {}) // 'zh-CN'
 */
export function resolveLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    const locale = localeFromTag(value);
    if (locale) return locale;
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return localeFromTag(fromEnv) ?? 'en';
}
