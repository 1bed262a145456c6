import type { FlowDocument } from '@switchyard/flow';

/**
 * A small flow that exercises every durable mechanism: a condition on Chinese text, a pure
 * action (set_category), a side effect (http POST to `serviceUrl`), a reply to the customer,
 * and a 15-minute SLA wait whose timeout tags the ticket.
 */
export function slaFlow(serviceUrl: string): FlowDocument {
  const node = (id: string, type: string, config: Record<string, unknown>, x: number) => ({ id, type, config, position: { x, y: 0 } });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}__${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  return {
    id: 'sla-test',
    name: 'SLA test 物流',
    description: '',
    nodes: [
      node('created', 'ticket_created', {}, 0),
      node('is-logistics', 'text_contains', { keywords: ['物流', '快递'] }, 200),
      node('set-logistics', 'set_category', { category: 'logistics' }, 400),
      node(
        'notify-erp',
        'http',
        { method: 'POST', url: `${serviceUrl}/erp/tickets`, body: '{"ticket":"{{ticket.id}}","number":"{{ticket.number}}"}' },
        600,
      ),
      node(
        'ack',
        'reply',
        { template: '您好，工单 {{ticket.number}} 已受理。', templateEn: 'Hello, ticket {{ticket.number}} is in hand.' },
        700,
      ),
      node('wait-reply', 'wait_for_event', { event: 'agent.reply', timeout: '15m' }, 800),
      node('tag-breached', 'add_tag', { tag: 'sla_breached' }, 1000),
      node('done', 'end', {}, 1200),
    ],
    edges: [
      edge('created', 'next', 'is-logistics'),
      edge('is-logistics', 'true', 'set-logistics'),
      edge('is-logistics', 'false', 'done'),
      edge('set-logistics', 'next', 'notify-erp'),
      edge('notify-erp', 'next', 'ack'),
      edge('ack', 'next', 'wait-reply'),
      edge('wait-reply', 'event', 'done'),
      edge('wait-reply', 'timeout', 'tag-breached'),
    ],
  };
}
