import { type CompiledFlow, compileFlow } from '@switchyard/compiler';
import { type FlowDocumentInput, parseDuration } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, type NodeRegistry } from '@switchyard/nodes';
import { DEFAULT_CREATED_AT, SampleTicket, type SampleTicketInput } from '../index';

/** The built-in nodes, as most runtime tests need them. */
export const builtinRegistry = createNodeRegistry(builtinNodes);

/** A node written compactly: its type, or its type and config. */
export type FixtureNode = string | readonly [type: string, config: Record<string, unknown>];

/**
 * A flow document written compactly for tests: nodes by id, wires as
 * "source -> target" (port `next`) or "source.port -> target".
 * @example fixtureFlow('f', { start: 'ticket_created', tag: ['add_tag', { tag: 'x' }] }, ['start -> tag'])
 */
export function fixtureFlow(id: string, nodes: Readonly<Record<string, FixtureNode>>, wires: readonly string[]): FlowDocumentInput {
  return {
    id,
    name: id,
    nodes: Object.entries(nodes).map(([nodeId, node]) =>
      typeof node === 'string' ? { id: nodeId, type: node } : { id: nodeId, type: node[0], config: { ...node[1] } },
    ),
    edges: wires.map((wire, i) => {
      const match = /^([\w-]+)(?:\.([\w-]+))?\s*->\s*([\w-]+)$/.exec(wire);
      if (!match) throw new Error(`fixture wire "${wire}": write "a -> b" or "a.port -> b"`);
      const [, source, port, target] = match;
      return { id: `e${i + 1}`, source: source!, sourceHandle: port ?? 'next', target: target! };
    }),
  };
}

/** `fixtureFlow`, compiled (and so validated) against a registry. */
export function compileFixture(
  id: string,
  nodes: Readonly<Record<string, FixtureNode>>,
  wires: readonly string[],
  registry: NodeRegistry = builtinRegistry,
): CompiledFlow {
  return compileFlow(fixtureFlow(id, nodes, wires), registry);
}

/** A sample ticket with the vocabulary's defaults; created at `DEFAULT_CREATED_AT` unless told. */
export function fixtureTicket(id: string, fields: Partial<SampleTicketInput> = {}): SampleTicket {
  return SampleTicket.parse({ id, number: `N-${id}`, channel: 'chat', customer: { id: `c-${id}` }, ...fields });
}

/** The ISO time `offset` ("15m", "2h") after `DEFAULT_CREATED_AT`; what dry-run reports as `at`. */
export function virtualTime(offset: string): string {
  const ms = offset === '0' ? 0 : parseDuration(offset);
  if (ms === undefined) throw new Error(`fixture offset "${offset}" is not a duration`);
  return new Date(Date.parse(DEFAULT_CREATED_AT) + ms).toISOString();
}

/** A small SLA-like flow many engine tests step through: trigger, condition, action, wait with both branches. */
export function slaLadderFixture(id: string): CompiledFlow {
  return compileFixture(
    id,
    {
      start: 'ticket_created',
      vip: ['customer_tier', { tier: 'vip' }],
      high: ['set_priority', { priority: 'high' }],
      wait: ['wait_for_event', { event: 'agent.reply', timeout: '2h' }],
      tagged: ['add_tag', { tag: 'breached' }],
      done: 'end',
    },
    ['start -> vip', 'vip.true -> high', 'vip.false -> wait', 'high -> wait', 'wait.timeout -> tagged', 'wait.event -> done'],
  );
}
