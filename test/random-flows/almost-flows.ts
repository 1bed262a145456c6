import type { FlowDocumentInput } from '@switchyard/flow';
import fc from 'fast-check';
import { registry } from './flow-registry';
import { identifier, PROTOTYPE_NAMES } from './node-ids';
import { VALID_CONFIGS } from './valid-configs';
import { validFlow } from './valid-flows';

const BUILTIN_TYPES = registry.list().map((d) => d.type);
const PORTS = ['next', 'error', 'true', 'false', 'event', 'timeout'] as const;
/** Every key some built-in config has, so random configs hit known fields with wrong values. */
const CONFIG_KEYS = [...new Set(Object.keys(VALID_CONFIGS).flatMap((type) => configKeys(type)))];

/** The keys of a built-in's config object schema (zod keeps them in `def.shape`). */
function configKeys(type: string): string[] {
  const def: unknown = registry.get(type)?.config.def;
  const shape = typeof def === 'object' && def !== null && 'shape' in def ? def.shape : undefined;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

/** Any JSON, small. */
const json = fc.jsonValue({ maxDepth: 2 });

/** A node id from a small pool (so ids repeat and edges hit nodes), or anything. */
const nodeIdish = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'toString', 'constructor') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: json },
);

/** A config: a valid one of some type, known keys with random values, or any JSON. */
const configish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...Object.keys(VALID_CONFIGS)).chain((type) => VALID_CONFIGS[type]!),
  fc.dictionary(
    fc.oneof(fc.constantFrom(...CONFIG_KEYS), fc.string({ maxLength: 4 })),
    fc.oneof(json, fc.constantFrom('', '{{', '1h', 'x'.repeat(300))),
    {
      maxKeys: 4,
    },
  ),
  json,
);

/** A node of a known type, most fields well typed: what an editor with a bug would save. */
const plausibleNode = fc.record(
  {
    id: nodeIdish,
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...BUILTIN_TYPES) },
      { weight: 1, arbitrary: fc.constantFrom('unknown_type', 'billing.suspend') },
    ),
    config: configish,
    label: fc.string({ maxLength: 6 }),
  },
  { requiredKeys: ['id', 'type'] },
);

/** A node whose fields may have any type, or be missing, with keys no node has. */
const junkNode = fc.record(
  {
    id: nodeIdish,
    type: fc.oneof(fc.constantFrom('', ...BUILTIN_TYPES), json),
    typeVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), json),
    label: json,
    config: json,
    position: fc.oneof(fc.record({ x: fc.double(), y: fc.integer() }), json),
    extra: json,
  },
  { requiredKeys: [] },
);

const nodeish = fc.oneof({ weight: 6, arbitrary: plausibleNode }, { weight: 1, arbitrary: junkNode });

const edgeish = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { id: fc.constantFrom('e1', 'e2', 'e3', 'e4'), source: nodeIdish, target: nodeIdish, sourceHandle: fc.constantFrom(...PORTS) },
      { requiredKeys: ['id', 'source', 'target'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        id: fc.oneof(identifier(), json),
        source: json,
        target: nodeIdish,
        sourceHandle: fc.oneof(fc.string({ maxLength: 4 }), json),
        extra: json,
      },
      { requiredKeys: [] },
    ),
  },
);

/**
 * A flow-shaped object: mostly well typed, with random nodes and edges (unknown types, random
 * configs, ids that repeat or lead nowhere); sometimes any field is missing or of the wrong type.
 */
export const flowShaped: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      id: identifier(),
      name: fc.string({ minLength: 1, maxLength: 8 }),
      nodes: fc.array(nodeish, { maxLength: 6 }),
      edges: fc.array(edgeish, { maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        id: fc.oneof(identifier(), json),
        name: fc.oneof(fc.string({ maxLength: 8 }), json),
        description: fc.oneof(fc.string({ maxLength: 8 }), json),
        nodes: fc.oneof(fc.array(nodeish, { maxLength: 6 }), json),
        edges: fc.oneof(fc.array(edgeish, { maxLength: 8 }), json),
        version: json,
      },
      { requiredKeys: [] },
    ),
  },
);

type DocNode = FlowDocumentInput['nodes'][number];
type DocEdge = FlowDocumentInput['edges'][number];

/** One change to a valid flow; most make it invalid, some leave it valid. */
type Mutation = (flow: FlowDocumentInput) => fc.Arbitrary<FlowDocumentInput>;

const withNodes = (flow: FlowDocumentInput, nodes: DocNode[]): FlowDocumentInput => ({ ...flow, nodes });
const withEdges = (flow: FlowDocumentInput, edges: DocEdge[]): FlowDocumentInput => ({ ...flow, edges });
const ids = (flow: FlowDocumentInput) => flow.nodes.map((n) => n.id);
const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((old, i) => (i === index ? item : old));

const MUTATIONS: readonly Mutation[] = [
  // Drops an edge: an unwired branch, an unreachable node, or nothing.
  (flow) =>
    fc.nat(flow.edges.length).map((i) =>
      withEdges(
        flow,
        flow.edges.filter((_, j) => j !== i),
      ),
    ),
  // Drops a node, leaving its edges dangling.
  (flow) =>
    fc.nat(flow.nodes.length - 1).map((i) =>
      withNodes(
        flow,
        flow.nodes.filter((_, j) => j !== i),
      ),
    ),
  // Adds an edge between any two nodes: a loop without a wait, an edge into a trigger, a taken port, a repeated edge.
  (flow) =>
    fc
      .record({
        source: fc.constantFrom(...ids(flow)),
        target: fc.constantFrom(...ids(flow), 'ghost'),
        sourceHandle: fc.constantFrom(...PORTS),
        id: identifier(),
      })
      .map((edge) => withEdges(flow, [...flow.edges, edge])),
  // Points an edge somewhere else: a loop without a wait, an edge into a trigger, an orphaned node.
  (flow) =>
    flow.edges.length === 0
      ? fc.constant(flow)
      : fc
          .record({ i: fc.nat(flow.edges.length - 1), target: fc.constantFrom(...ids(flow)) })
          .map(({ i, target }) => withEdges(flow, replaceAt(flow.edges, i, { ...flow.edges[i]!, target }))),
  // Repeats a node or an edge id.
  (flow) => fc.constantFrom(...flow.nodes).map((node) => withNodes(flow, [...flow.nodes, { ...node, type: 'end' }])),
  (flow) =>
    flow.edges.length === 0
      ? fc.constant(flow)
      : fc.constantFrom(...flow.edges).map((edge) => withEdges(flow, [...flow.edges, { ...edge, target: 'ghost' }])),
  // Gives a node a random config, another type, or a type nobody registered.
  (flow) =>
    fc
      .record({ i: fc.nat(flow.nodes.length - 1), config: fc.dictionary(fc.constantFrom(...CONFIG_KEYS), json, { maxKeys: 3 }) })
      .map(({ i, config }) => withNodes(flow, replaceAt(flow.nodes, i, { ...flow.nodes[i]!, config }))),
  (flow) =>
    fc
      .record({ i: fc.nat(flow.nodes.length - 1), type: fc.constantFrom(...BUILTIN_TYPES, 'no_such_node') })
      .map(({ i, type }) => withNodes(flow, replaceAt(flow.nodes, i, { ...flow.nodes[i]!, type }))),
  // Renames a node to a prototype name or an invalid id.
  (flow) =>
    fc
      .record({ i: fc.nat(flow.nodes.length - 1), id: fc.constantFrom(...PROTOTYPE_NAMES, '__proto__', '_idle', 'a.b', '') })
      .map(({ i, id }) => withNodes(flow, replaceAt(flow.nodes, i, { ...flow.nodes[i]!, id }))),
];

/** A valid flow with one to three random changes (none once a change left it without nodes). */
export const mutatedFlow: fc.Arbitrary<FlowDocumentInput> = fc
  .tuple(validFlow(6), fc.array(fc.nat(MUTATIONS.length - 1), { minLength: 1, maxLength: 3 }))
  .chain(([flow, picks]) =>
    picks.reduce((acc, pick) => acc.chain((f) => (f.nodes.length === 0 ? fc.constant(f) : MUTATIONS[pick]!(f))), fc.constant(flow)),
  );

/** Anything a file may hold: JSON values, flow-shaped objects, and valid flows with a few changes. */
export const almostFlow: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 2, arbitrary: flowShaped },
  { weight: 3, arbitrary: mutatedFlow },
);
