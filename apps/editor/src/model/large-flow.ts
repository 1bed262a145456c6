import type { FlowDocument, FlowEdge, FlowNode } from '@switchyard/flow';

/**
 * A valid flow of about `size` nodes for performance checks: a trigger, then a ladder of keyword
 * conditions whose true branch tags the ticket and whose false branch goes on, laid out in a grid.
 * @example generateLargeFlow(500).nodes.length // 500
 */
export function generateLargeFlow(size: number): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'start', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } }];
  const edges: FlowEdge[] = [];
  let previous = { id: 'start', port: 'next' };
  const columns = 10;
  for (let i = 0; nodes.length + 2 <= size - 1; i += 1) {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const condition = `c${i}`;
    const action = `a${i}`;
    nodes.push({
      id: condition,
      type: 'text_contains',
      config: { keywords: [`关键词${i}`, `keyword${i}`] },
      position: { x: 300 + column * 520, y: row * 240 },
    });
    nodes.push({ id: action, type: 'add_tag', config: { tag: `tag-${i}` }, position: { x: 560 + column * 520, y: row * 240 + 110 } });
    edges.push({ id: `${previous.id}__${previous.port}`, source: previous.id, sourceHandle: previous.port, target: condition });
    edges.push({ id: `${condition}__true`, source: condition, sourceHandle: 'true', target: action });
    previous = { id: condition, port: 'false' };
  }
  nodes.push({ id: 'done', type: 'end', config: {}, position: { x: 0, y: 240 } });
  edges.push({ id: `${previous.id}__${previous.port}`, source: previous.id, sourceHandle: previous.port, target: 'done' });
  return { id: `large-${size}`, name: `Large flow (${size} nodes)`, description: 'Generated for the editor benchmark.', nodes, edges };
}
