import type { FlowDocumentInput } from '@switchyard/flow';
import type { NodeDefinition } from '@switchyard/nodes';
import fc from 'fast-check';
import { registry } from './flow-registry';
import { distinctIdentifiers } from './node-ids';
import { type NodeConfig, validConfig } from './valid-configs';

/** How one output port is wired: left open, to a node further down, or back up (loops, only through a wait). */
interface PortChoice {
  readonly mode: 'open' | 'forward' | 'back';
  /** Picks the target among the candidates; small numbers (the next nodes) come most often. */
  readonly pick: number;
}

/** A node of the plan: its type, a valid config, and how each of its ports is wired. */
interface PlannedNode {
  readonly type: string;
  readonly config: NodeConfig;
  readonly ports: readonly PortChoice[];
}

const definitions = registry.list();
const typesOf = (kind: NodeDefinition['kind']) => definitions.filter((d) => d.kind === kind).map((d) => d.type);
const TRIGGER_TYPES = typesOf('trigger');

/** How often each kind comes in a flow's body, relative to the others. */
interface KindMix {
  readonly condition: number;
  readonly action: number;
  readonly wait: number;
  readonly end: number;
}

/**
 * Mixes of kinds: an even one, with waits common whatever the number of types of each kind,
 * and one of mostly conditions, whose diamonds pass the compiler's MAX_ROUTES and so keep
 * conditions as states.
 */
const KIND_MIXES: readonly KindMix[] = [
  { condition: 7, action: 7, wait: 4, end: 1 },
  { condition: 12, action: 2, wait: 1, end: 1 },
];

/** Body node types drawn by a mix of kinds. */
function bodyTypes(mix: KindMix): fc.Arbitrary<string> {
  const kinds = (['condition', 'action', 'wait', 'end'] as const).map((kind) => ({
    weight: mix[kind],
    arbitrary: fc.constantFrom(...typesOf(kind)),
  }));
  return fc.oneof(...kinds);
}

const portChoice: fc.Arbitrary<PortChoice> = fc.record({
  mode: fc.constantFrom('open', 'forward', 'forward', 'forward', 'back'),
  pick: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.nat(40) }),
});

/** A node of one of the types, with a valid config and a wiring choice for up to two ports. */
function plannedNode(types: fc.Arbitrary<string>): fc.Arbitrary<PlannedNode> {
  return types.chain((type) =>
    fc.record({ type: fc.constant(type), config: validConfig(type), ports: fc.array(portChoice, { minLength: 2, maxLength: 2 }) }),
  );
}

/** The kind and output ports of a node as validation reads them. */
function shape(node: PlannedNode): { kind: NodeDefinition['kind']; ports: readonly string[] } {
  const def = registry.get(node.type);
  if (!def) throw new Error(`unknown built-in ${node.type}`);
  return { kind: def.kind, ports: def.ports(def.config.parse(node.config)) };
}

/**
 * Wires a plan into a flow document that validates: triggers lead into the body; body nodes
 * lead to later ones (joins happen when two pick the same), a condition wires every branch,
 * and a port may lead back up only from or to a wait, so every loop has a wait in it. The
 * body ends with an `end` node, so every condition has a node below it. Nodes no trigger
 * reaches are dropped.
 */
function wire(flowId: string, triggers: readonly PlannedNode[], body: readonly PlannedNode[], ids: readonly string[]): FlowDocumentInput {
  const nodes = [...triggers, ...body, { type: 'end', config: {}, ports: [] }];
  const bodyStart = triggers.length;
  const shapes = nodes.map(shape);
  const edges: { id: string; source: string; sourceHandle: string; target: string }[] = [];
  nodes.forEach((node, i) => {
    const { kind, ports } = shapes[i]!;
    ports.forEach((port, p) => {
      const choice = node.ports[p] ?? { mode: 'open', pick: 0 };
      const forward = nodes.map((_, j) => j).filter((j) => j > i && j >= bodyStart);
      const back = nodes.map((_, j) => j).filter((j) => j >= bodyStart && j <= i && (kind === 'wait' || shapes[j]!.kind === 'wait'));
      let candidates = choice.mode === 'back' && back.length > 0 ? back.reverse() : forward;
      if (choice.mode === 'open' && kind !== 'condition') candidates = [];
      if (candidates.length === 0) return;
      const target = candidates[choice.pick % candidates.length]!;
      edges.push({ id: `${ids[i]}-${port}`, source: ids[i]!, sourceHandle: port, target: ids[target]! });
    });
  });
  const reached = new Set(ids.slice(0, bodyStart));
  for (let grew = true; grew;) {
    grew = false;
    for (const edge of edges) {
      if (!reached.has(edge.source) || reached.has(edge.target)) continue;
      reached.add(edge.target);
      grew = true;
    }
  }
  return {
    id: flowId,
    name: `random flow ${flowId}`,
    nodes: nodes.map((node, i) => ({ id: ids[i]!, type: node.type, config: node.config })).filter((node) => reached.has(node.id)),
    edges: edges.filter((edge) => reached.has(edge.source)),
  };
}

/**
 * A flow that validates, built from the built-in nodes with valid configs: one or two
 * triggers, up to `maxBody` body nodes with every condition branch wired, random joins,
 * waits, and now and then a loop through a wait.
 */
export function validFlow(maxBody = 12): fc.Arbitrary<FlowDocumentInput> {
  return fc
    .record({
      triggers: fc.array(plannedNode(fc.constantFrom(...TRIGGER_TYPES)), { minLength: 1, maxLength: 2 }),
      body: fc.constantFrom(...KIND_MIXES).chain((mix) => fc.array(plannedNode(bodyTypes(mix)), { minLength: 1, maxLength: maxBody })),
    })
    .chain(({ triggers, body }) =>
      distinctIdentifiers(triggers.length + body.length + 2).map((ids) => wire(ids[ids.length - 1]!, triggers, body, ids)),
    );
}
