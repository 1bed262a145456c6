import { readdirSync, readFileSync } from 'node:fs';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { type CompiledFlow, compileFlow } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** The node types the example flows use: the built-ins and the example custom node. */
export const registry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** The agent roster the examples' sample tickets run with. */
export const roster = Roster.parse(JSON.parse(readFileSync(new URL('agents.json', EXAMPLES), 'utf8')));

/** An example flow file, compiled. */
export interface ExampleFlow {
  readonly file: string;
  readonly compiled: CompiledFlow;
}

/** Every `examples/flows/*.json`, in file order, compiled with `registry`. */
export function loadExampleFlows(): ExampleFlow[] {
  const dir = new URL('flows/', EXAMPLES);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, compiled: compileFlow(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), registry) }));
}
