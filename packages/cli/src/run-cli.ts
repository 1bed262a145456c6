import type { Locale } from '@switchyard/flow';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import type { Command } from './commands/command';
import { auditCommand } from './commands/audit';
import { backtestCommand } from './commands/backtest';
import { compileCommand } from './commands/compile';
import { dryRunCommand } from './commands/dry-run';
import { newNodeCommand } from './commands/new-node';
import { nodesCommand } from './commands/nodes';
import { promoteCommand } from './commands/promote';
import { publishCommand } from './commands/publish';
import { rolloutCommand } from './commands/rollout';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { ExitCode } from './exit-code';
import { messages } from './messages';
import { resolveLocale } from './resolve-locale';

const COMMANDS: readonly Command[] = [
  validateCommand,
  compileCommand,
  dryRunCommand,
  publishCommand,
  rolloutCommand,
  promoteCommand,
  nodesCommand,
  newNodeCommand,
  schemaCommand,
  auditCommand,
  backtestCommand,
];

function overview(locale: Locale): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(locale)}`).join('\n');
  return locale === 'en'
    ? `Usage: switchyard <command> [options]\n\nCommands:\n${list}\n\nRun "switchyard <command> --help" for a command's options.\n`
    : `用法：switchyard <命令> [选项]\n\n命令：\n${list}\n\n运行 "switchyard <命令> --help" 查看命令的选项。\n`;
}

/**
 * Runs the `switchyard` command line in-process and returns the exit code: 0 ok,
 * 1 the input was read but the result failed (an invalid flow, a ticket in error),
 * 2 bad input, 70 a bug in switchyard. Writes only through `io`.
 * @example
 * const code = await runCli(['dry-run', 'flow.json', '--tickets', 'tickets.json', '--json'], io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = resolveLocale(argv, io.env ?? process.env);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const command = COMMANDS.find((c) => c.name === rest[0]);
      const text = command ? command.usage(locale) : overview(locale);
      // Bare `switchyard` is a usage error: help goes to stderr and the exit says so.
      if (name === undefined) {
        io.stderr(text);
        return ExitCode.badInput;
      }
      io.stdout(text);
      return ExitCode.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliInputError(messages(locale).unknownCommand(name));
    return await command.run(rest, { io, locale });
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`${error.message}\n`);
      return ExitCode.badInput;
    }
    io.stderr(`${messages(locale).internalError}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.internal;
  }
}
