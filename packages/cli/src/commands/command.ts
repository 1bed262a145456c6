import type { Locale } from '@switchyard/flow';
import type { CliIo } from '../cli-io';

/** What a command runs with. */
export interface CommandContext {
  readonly io: CliIo;
  /** Language of human messages, already resolved from `--lang` and the environment. */
  readonly locale: Locale;
}

/**
 * A `switchyard` sub-command. `run` returns the exit code, or throws a `CliInputError`
 * for bad input (exit 2) before writing anything to stdout.
 */
export interface Command {
  readonly name: string;
  /** One line for `switchyard --help`. */
  summary(locale: Locale): string;
  /** The text `switchyard <name> --help` prints. */
  usage(locale: Locale): string;
  run(argv: readonly string[], context: CommandContext): Promise<number>;
}
