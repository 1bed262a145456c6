import type { FlowDocument } from '@switchyard/flow';

/** Chat tickets are categorized, every ticket assigned to a1 of logistics, then a 1 h wait for a reply: resolve, or escalate. */
export function deskFlow(): FlowDocument {
  const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, config, position: { x: 0, y: 0 } });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}__${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  return {
    id: 'desk',
    name: 'Desk',
    description: '',
    nodes: [
      node('created', 'ticket_created', {}),
      node('isChat', 'channel_is', { channels: ['chat'] }),
      node('categorize', 'set_category', { category: 'logistics' }),
      node('route', 'assign', { group: 'logistics', agent: 'a1' }),
      node('wait', 'wait_for_event', { event: 'agent.reply', timeout: '1h' }),
      node('resolve', 'set_status', { status: 'resolved' }),
      node('escalate', 'escalate', { level: 1 }),
    ],
    edges: [
      edge('created', 'next', 'isChat'),
      edge('isChat', 'true', 'categorize'),
      edge('isChat', 'false', 'route'),
      edge('categorize', 'next', 'route'),
      edge('route', 'next', 'wait'),
      edge('wait', 'event', 'resolve'),
      edge('wait', 'timeout', 'escalate'),
    ],
  };
}
