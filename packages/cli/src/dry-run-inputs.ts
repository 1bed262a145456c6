import { type CompiledFlow, compileValidFlow } from '@switchyard/compiler';
import type { FlowDocument, Locale } from '@switchyard/flow';
import { EMPTY_ROSTER, type NodeRegistry, type Roster } from '@switchyard/nodes';
import type { SampleTicket } from '@switchyard/runtime';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import { diagnosticLine } from './diagnostic-line';
import { loadFlowFiles } from './load-flow-files';
import { loadProjectRegistry } from './load-project-registry';
import { loadRosterFile } from './load-roster-file';
import { loadSampleTickets } from './load-sample-tickets';
import { messages } from './messages';

/** A flow ready to dry-run, with the file and document the report reads. */
export interface DryRunFlow {
  readonly file: string;
  readonly document: FlowDocument;
  readonly compiled: CompiledFlow;
}

/** Everything a dry-run needs, checked. */
export interface DryRunInputs {
  readonly registry: NodeRegistry;
  readonly flows: readonly DryRunFlow[];
  readonly tickets: readonly SampleTicket[];
  readonly roster: Roster;
  /** Diagnostics that are only warnings, as lines for stderr. */
  readonly warnings: readonly string[];
}

/** The files named on the command line. */
export interface DryRunFiles {
  readonly flows: readonly string[];
  readonly tickets: string;
  readonly agents?: string;
  readonly config?: string;
}

/**
 * Loads and checks every dry-run input before anything runs. All problems of all files
 * are gathered into one `CliInputError`, so one attempt shows everything to fix.
 */
export async function loadDryRunInputs(io: CliIo, files: DryRunFiles, locale: Locale): Promise<DryRunInputs> {
  const problems: string[] = [];
  const attempt = async <T>(load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof CliInputError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const registry = await attempt(() => loadProjectRegistry(io, files.config, locale));
  const loaded = registry ? await attempt(() => loadFlowFiles(io, files.flows, registry, locale)) : undefined;
  const tickets = await attempt(() => loadSampleTickets(io, files.tickets, locale));
  const agents = files.agents;
  const roster = agents === undefined ? EMPTY_ROSTER : await attempt(() => loadRosterFile(io, agents, locale));

  const warnings: string[] = [];
  const valid: { file: string; document: FlowDocument }[] = [];
  const fileOfId = new Map<string, string>();
  for (const { file, validation } of loaded ?? []) {
    for (const d of validation.diagnostics) (d.severity === 'error' ? problems : warnings).push(diagnosticLine(file, d, locale));
    const document = validation.document;
    if (!validation.ok || !document) continue;
    const first = fileOfId.get(document.id);
    // Flows are told apart by id in the results (`paths`, `actions[].flow`).
    if (first !== undefined) problems.push(messages(locale).duplicateFlowId(document.id, first, file));
    fileOfId.set(document.id, file);
    valid.push({ file, document });
  }
  if (problems.length || !registry || !tickets || !roster) throw new CliInputError([...problems, messages(locale).notStarted]);
  const flows = valid.map(({ file, document }) => ({ file, document, compiled: compileValidFlow(document, registry) }));
  // Least-loaded assignment with no roster picks nobody: say so rather than let it look like a flow bug.
  const picksAgents = flows.some(({ compiled }) =>
    Object.values(compiled.nodes).some(
      ({ type, config }) =>
        type === 'assign' && typeof config === 'object' && config !== null && 'strategy' in config && config.strategy === 'least_loaded',
    ),
  );
  if (agents === undefined && picksAgents) warnings.push(messages(locale).noRoster);
  return { registry, flows, tickets, roster, warnings };
}
