import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledFlow, compileFlow } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry, type NodeRegistry, Roster } from '@switchyard/nodes';
import { parseTicketsFile, type SampleTicket } from '@switchyard/runtime';
import config from '../switchyard.config';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

/** The example flows, tickets and roster, loaded the way the CLI loads them. */
export interface ExampleSet {
  readonly registry: NodeRegistry;
  readonly flows: readonly CompiledFlow[];
  readonly tickets: readonly SampleTicket[];
  /** The roster each ticket runs with, by ticket index. */
  readonly rosters: readonly Roster[];
  /** How many ticket files were read, for the report. */
  readonly ticketFiles: number;
}

const filesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));

const readRoster = (file: string) => Roster.parse(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));

/**
 * Loads examples/flows/*.json (in file order) and every examples/tickets/*.jsonl, with
 * examples/agents.json; a `-busy` ticket file runs with agents-busy.json, as
 * examples/README.md prescribes, so its fallback branch is exercised too.
 */
export function loadExamples(): ExampleSet {
  const registry = createNodeRegistry([...builtinNodes, ...(config.nodes ?? [])]);
  const flows = filesIn(join(EXAMPLES, 'flows'), '.json').map((file) => compileFlow(JSON.parse(readFileSync(file, 'utf8')), registry));
  const ticketFiles = filesIn(join(EXAMPLES, 'tickets'), '.jsonl');
  const team = readRoster('agents.json');
  const busy = readRoster('agents-busy.json');
  const loaded = ticketFiles.flatMap((file) =>
    parseTicketsFile(readFileSync(file, 'utf8'), file).map((ticket) => ({ ticket, roster: file.endsWith('-busy.jsonl') ? busy : team })),
  );
  if (flows.length === 0 || loaded.length === 0) throw new Error('bench needs examples/flows/*.json and examples/tickets/*.jsonl');
  return { registry, flows, tickets: loaded.map((l) => l.ticket), rosters: loaded.map((l) => l.roster), ticketFiles: ticketFiles.length };
}
