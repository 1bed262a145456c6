import { type FlowValidation, type Locale, validateFlow } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import { readJsonInput } from './read-input';

/** A flow file read from disk and validated against the registry. */
export interface LoadedFlow {
  /** The path as given on the command line. */
  readonly file: string;
  /** The parsed JSON, before validation. */
  readonly input: unknown;
  readonly validation: FlowValidation;
}

/**
 * Reads and validates flow files, in the order given. Every unreadable file is
 * reported at once in one `CliInputError`, so a user fixes them in one go; invalid
 * flows are returned for the caller to judge.
 */
export async function loadFlowFiles(io: CliIo, files: readonly string[], registry: NodeRegistry, locale: Locale): Promise<LoadedFlow[]> {
  const problems: string[] = [];
  const loaded: LoadedFlow[] = [];
  for (const file of files) {
    try {
      const input = await readJsonInput(io, file, locale);
      loaded.push({ file, input, validation: validateFlow(input, registry) });
    } catch (error) {
      if (!(error instanceof CliInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new CliInputError(problems);
  return loaded;
}

/** The flow's id when its document has one, even a document that failed validation. */
export function flowIdOf(flow: LoadedFlow): string | null {
  if (flow.validation.document) return flow.validation.document.id;
  const id = typeof flow.input === 'object' && flow.input !== null && 'id' in flow.input ? flow.input.id : undefined;
  return typeof id === 'string' ? id : null;
}
