import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from './cli-input-error';
import { messages } from './messages';
import { localeFromTag } from './resolve-locale';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  config: { type: 'string' },
} as const satisfies OptionsConfig;

/**
 * Parses a command's arguments (after the command name) with `util.parseArgs`, strict,
 * adding the common options. Unknown options, missing values and a bad `--lang` become
 * a `CliInputError` (exit 2) that points to `--help`.
 * @example parseCommandArgs('dry-run', argv, { tickets: { type: 'string' } }, 'en')
 */
export function parseCommandArgs<const O extends OptionsConfig>(command: string, argv: readonly string[], options: O, locale: Locale) {
  const m = messages(locale);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliInputError(m.badArguments(error instanceof Error ? error.message : String(error), command));
  }
  // Read through a widened view: inside this generic function the values' keys are not known yet.
  const values: Readonly<Record<string, unknown>> = parsed.values;
  const lang = values.lang;
  if (typeof lang === 'string' && !localeFromTag(lang)) throw new CliInputError(m.badLang(lang));
  return parsed;
}
