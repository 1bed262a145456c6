import type { FlowDocument } from '@switchyard/flow';

export const ROLLOUT_FLOW = 'rollout-test';

/**
 * One flow in the variants a rollout test publishes as versions: every variant sets the
 * category (so a ticket shows which version ran it), then `wait` (an SLA: an agent reply
 * within 1 h, escalating when it passes) unless `withoutWait`; `failingUrl` adds an http
 * call before the wait that the test's service refuses (dead-lettered: an error).
 */
export function rolloutFlow(variant: { category: string; failingUrl?: string; withoutWait?: boolean }): FlowDocument {
  const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, config, position: { x: 0, y: 0 } });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}__${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  const nodes = [node('created', 'ticket_created', {}), node('categorize', 'set_category', { category: variant.category })];
  const edges = [edge('created', 'next', 'categorize')];
  let last = 'categorize';
  if (variant.failingUrl) {
    nodes.push(node('call', 'http', { method: 'POST', url: variant.failingUrl, body: '{}' }));
    edges.push(edge(last, 'next', 'call'));
    last = 'call';
  }
  if (!variant.withoutWait) {
    nodes.push(node('wait', 'wait_for_event', { event: 'agent.reply', timeout: '1h' }), node('escalate', 'escalate', { level: 1 }));
    edges.push(edge(last, 'next', 'wait'), edge('wait', 'timeout', 'escalate'));
  }
  return { id: ROLLOUT_FLOW, name: 'Rollout test', description: '', nodes, edges };
}
