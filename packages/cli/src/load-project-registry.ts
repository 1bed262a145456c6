import type { Locale } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import { loadRegistry } from '@switchyard/runtime';
import { messages } from './messages';

/**
 * `loadRegistry` for a command: a config that is missing, fails to import or registers
 * a node badly is bad input (exit 2), not a crash.
 */
export async function loadProjectRegistry(io: CliIo, configPath: string | undefined, locale: Locale): Promise<NodeRegistry> {
  try {
    return await loadRegistry(io.cwd, configPath);
  } catch (error) {
    throw new CliInputError(messages(locale).badConfig(error instanceof Error ? error.message : String(error)));
  }
}
