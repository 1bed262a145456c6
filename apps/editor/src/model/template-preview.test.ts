import { CatalogEntry } from '@switchyard/api';
import { flattenVariables, FlowDocument } from '@switchyard/flow';
import { builtinNodes, describeNodes } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { sampleVars, variablesForNode } from './node-variables';
import { evaluatePreview, previewTicket, renderPreview, templateCompletions } from './template-preview';

const catalog = new Map(describeNodes(builtinNodes).map((e) => [e.type, CatalogEntry.parse(e)]));
const doc = FlowDocument.parse({
  id: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'ticket_created', config: {} },
    { id: 'pick', type: 'assign', label: '分配坐席', config: { strategy: 'least_loaded' } },
    { id: 'lookup', type: 'http', config: { url: 'https://erp/x', sampleResponse: { status: '已发货' } } },
    { id: 'answer', type: 'reply', config: { template: 'x' } },
    { id: 'after', type: 'set_priority', config: { priority: 'high' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pick', sourceHandle: 'next' },
    { id: 'e2', source: 'pick', target: 'lookup', sourceHandle: 'next' },
    { id: 'e3', source: 'lookup', target: 'answer', sourceHandle: 'next' },
    { id: 'e4', source: 'answer', target: 'after', sourceHandle: 'next' },
  ],
});

describe('variables and previews in the inspector', () => {
  it('lists the outputs of upstream steps from the catalog, with their declared fields', () => {
    const roots = variablesForNode(doc, 'answer', catalog, 'template');
    const paths = flattenVariables(roots).map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['ticket.customer.name', 'vars.pick.agent', 'vars.pick.name', 'vars.lookup']));
    expect(paths).not.toContain('vars.after');
    expect(paths).not.toContain('vars.start');
  });

  it('renders a template with the runtime renderer against the sample ticket and sample outputs', () => {
    const roots = variablesForNode(doc, 'answer', catalog, 'template');
    const vars = sampleVars(doc, roots);
    const ticket = previewTicket('zh-CN');
    expect(
      renderPreview('{{ticket.customer.name}} 您好，订单 {{orderNumber}} {{vars.lookup.status}}，坐席 {{vars.pick.name}}', ticket, vars),
    ).toBe('王小明 您好，订单 DD20240501 已发货，坐席 ‹vars.pick.name›');
    expect(renderPreview('{{customer.name}} 您好', ticket, vars)).toBe(' 您好');
    expect(evaluatePreview('ticket.customer.tier == "vip"', ticket, vars)).toBe(true);
    expect(evaluatePreview('ticket.nope ==', ticket, vars)).toEqual(expect.any(String));
  });

  it('completes a name after {{', () => {
    const paths = ['ticket.customer', 'ticket.customer.name', 'ticket.channel'];
    expect(templateCompletions('您好 {{ticket.cu', paths)).toEqual({ from: 5, names: ['ticket.customer', 'ticket.customer.name'] });
    expect(templateCompletions('您好 {{ticket.customer}} ', paths)).toBeUndefined();
  });
});
