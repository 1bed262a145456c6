import { readFileSync } from 'node:fs';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';

/** The built-in nodes only: the registry every random flow is validated, compiled and run with. */
export const registry = createNodeRegistry(builtinNodes);

/** The examples' agent roster, so `assign` nodes have agents to pick from. */
export const roster = Roster.parse(JSON.parse(readFileSync(new URL('../../examples/agents.json', import.meta.url), 'utf8')));
