import type { FlowDocumentInput } from '@switchyard/flow';
import { seededRandom } from '@switchyard/runtime/testing';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = FlowDocumentInput['edges'][number];

const KEYWORDS = [
  ['投诉', 'complaint'],
  ['故障', '报错', '无法', 'error', 'crash'],
  ['退货', '退款', 'refund', 'return'],
  ['物流', '快递', 'shipping', 'tracking'],
  ['发票', 'invoice'],
  ['紧急', '加急', 'urgent'],
  ['人工', 'human', 'agent'],
] as const;

/** Action nodes a supervisor draws, with the ports they expose (only `next` is wired). */
const ACTIONS: readonly ((i: number) => Pick<NodeInput, 'type' | 'config'>)[] = [
  () => ({ type: 'set_priority', config: { priority: 'high' } }),
  (i) => ({ type: 'add_tag', config: { tag: `tag_${i % 17}` } }),
  (i) => ({ type: 'set_category', config: { category: `cat_${i % 7}` } }),
  () => ({ type: 'assign', config: { group: 'tech_support' } }),
  () => ({ type: 'reply', config: { template: '您好，工单 {{ticket.number}} 已收到，我们会尽快处理。' } }),
  () => ({ type: 'notify', config: { to: 'assignee', template: '工单 {{ticket.number}} 需要处理' } }),
  () => ({ type: 'escalate', config: { level: 1 } }),
];

/** Open output ports the next nodes must take, so no branch is left dangling. */
interface OpenPort {
  readonly source: string;
  readonly handle: string;
}

/**
 * A realistic, valid flow of `size` nodes: one trigger, then text_contains conditions
 * (both branches wired), actions and waits, with joins keeping the graph narrow. Edges
 * only go from earlier to later nodes (no cycles) and every node takes at least one
 * edge from an earlier one (all reachable); an end node closes every open port.
 */
export function generateLargeFlow(size: number, seed = 42): FlowDocumentInput {
  const rand = seededRandom(seed);
  const nodes: NodeInput[] = [{ id: 'n0', type: 'ticket_created', position: { x: 0, y: 0 } }];
  const edges: EdgeInput[] = [];
  let open: OpenPort[] = [{ source: 'n0', handle: 'next' }];
  const wire = (port: OpenPort, target: string) =>
    edges.push({ id: `e${edges.length + 1}`, source: port.source, sourceHandle: port.handle, target });

  for (let i = 1; i < size - 1; i++) {
    const id = `n${i}`;
    const roll = rand();
    let node: Pick<NodeInput, 'type' | 'config'>;
    let ports: string[];
    if (roll < 0.4) {
      const keywords = KEYWORDS[Math.floor(rand() * KEYWORDS.length)]!;
      node = { type: 'text_contains', config: { source: rand() < 0.8 ? 'ticket' : 'message', keywords: [...keywords] } };
      ports = ['true', 'false'];
    } else if (roll < 0.85) {
      node = ACTIONS[Math.floor(rand() * ACTIONS.length)]!(i);
      ports = ['next'];
    } else if (roll < 0.93) {
      node = { type: 'delay', config: { duration: rand() < 0.5 ? '15m' : '2h' } };
      ports = ['next'];
    } else {
      node = { type: 'wait_for_event', config: { event: 'customer.message', timeout: '2h' } };
      ports = ['event', 'timeout'];
    }
    nodes.push({ id, ...node, position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 120 } });
    // Take the oldest open port; join one or two more when the graph gets wide.
    const take = open.length > 12 ? 3 : open.length > 6 ? 2 : 1;
    for (const port of open.slice(0, take)) wire(port, id);
    open = [...open.slice(take), ...ports.map((handle) => ({ source: id, handle }))];
  }
  const endId = `n${size - 1}`;
  nodes.push({ id: endId, type: 'end', position: { x: 0, y: Math.ceil(size / 20) * 120 } });
  for (const port of open) wire(port, endId);
  return { id: 'large-flow', name: `Generated ${size}-node flow`, nodes, edges };
}
