import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic } from '../diagnostic';
import type { FlowDocumentInput } from '../flow-document';
import type { NodeCatalog, NodeKind, NodeSpec } from '../node-kind';
import { validateFlow } from '../validate-flow';

const spec = (type: string, kind: NodeKind, config: z.ZodType, ports: readonly string[]): NodeSpec => ({
  type,
  kind,
  config,
  ports: () => ports,
});
const specs: readonly NodeSpec[] = [
  spec('ticket_created', 'trigger', z.strictObject({}), ['next']),
  spec('reply', 'action', z.strictObject({ template: z.string(), templateEn: z.string().optional() }), ['next']),
  spec('http', 'action', z.strictObject({ url: z.string(), headers: z.record(z.string(), z.string()).default({}) }), ['next', 'error']),
  spec('text_contains', 'condition', z.strictObject({ keywords: z.array(z.string()) }), ['true', 'false']),
];
const catalog: NodeCatalog = { get: (type) => specs.find((s) => s.type === type) };

function flow(nodes: FlowDocumentInput['nodes']): FlowDocumentInput {
  return {
    id: 'f',
    name: 'F',
    nodes: [{ id: 'start', type: 'ticket_created' }, ...nodes],
    edges: nodes.map((node, i) => ({ id: `e${i}`, source: 'start', target: node.id })).slice(0, 1),
  };
}

const warningsOf = (doc: FlowDocumentInput) => validateFlow(doc, catalog).diagnostics.filter((d) => d.code === 'sensitive_data_sent');

describe('sensitive data sent out', () => {
  it('warns for each action field that names the customer contact, by node label and field, in both languages', () => {
    const found = warningsOf(
      flow([
        {
          id: 'r1',
          type: 'reply',
          label: '确认回复',
          config: { template: '{{ticket.customer.name}}您好，我们会打 {{ ticket.customer.contact }}' },
        },
        {
          id: 'h1',
          type: 'http',
          config: { url: 'https://crm.example.com/?e={{{ticket.customer.email}}}', headers: { 'x-phone': '{{ticket.customer.phone}}' } },
        },
      ]),
    );
    expect(found.map((d) => [d.severity, d.nodeId, d.field, d.params?.label])).toEqual([
      ['warning', 'r1', 'config.template', '确认回复'],
      ['warning', 'h1', 'config.url', 'h1'],
      ['warning', 'h1', 'config.headers.x-phone', 'h1'],
    ]);
    expect(found[0]?.message).toBe(
      `node "确认回复": config.template sends the customer's contact details out ({{ticket.customer.contact}}); leave them out, or make sure the receiver may hold them`,
    );
    expect(formatDiagnostic(found[0]!, 'zh-CN')).toBe(
      '节点「确认回复」的 config.template 会把客户的联系方式（{{ticket.customer.contact}}）发送出去；请去掉，或确认接收方有权保存',
    );
  });

  it('sees contact names inside a customer section', () => {
    expect(
      warningsOf(flow([{ id: 'r', type: 'reply', config: { template: '{{#ticket.customer}}{{email}}{{/ticket.customer}}' } }])),
    ).toHaveLength(1);
  });

  it('lets the name, other variables and non-action nodes through, and does not block publishing', () => {
    const doc = flow([
      { id: 'r', type: 'reply', config: { template: '{{ticket.customer.name}}您好，订单 {{orderNumber}}，{{vars.contact}}' } },
      { id: 'c', type: 'text_contains', config: { keywords: ['{{ticket.customer.contact}}'] } },
    ]);
    expect(warningsOf(doc)).toEqual([]);
    expect(validateFlow(flow([{ id: 'r', type: 'reply', config: { template: '{{ticket.customer.contact}}' } }]), catalog).ok).toBe(true);
  });
});
