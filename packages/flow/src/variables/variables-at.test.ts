import { describe, expect, it } from 'vitest';
import { closestVariable } from './closest-variable';
import { expressionReferences, templateReferences } from './variable-references';
import { baseVariables, flattenVariables, isKnownVariable } from './variable-tree';
import { type VariableSource, upstreamNodes, variablesAt } from './variables-at';

const flow = {
  nodes: [{ id: 'start' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'wait' }],
  edges: [
    { source: 'start', target: 'a' },
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'c', target: 'wait' },
    { source: 'wait', target: 'b' },
  ],
};
const sources: Record<string, VariableSource> = {
  a: { id: 'a', title: { en: 'A', 'zh-CN': '甲' }, output: { schema: { type: 'object', properties: { agent: { type: 'string' } } } } },
  b: { id: 'b', title: { en: 'B', 'zh-CN': '乙' }, output: 'unknown' },
  c: { id: 'c', title: { en: 'C', 'zh-CN': '丙' }, output: 'none' },
};

describe('the variable model', () => {
  it('derives the ticket tree from the Ticket schema, customer included', () => {
    const paths = flattenVariables(baseVariables('template')).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining(['ticket.number', 'ticket.customer.name', 'ticket.customer.tier', 'event.body', 'orderNumber']),
    );
    expect(paths).not.toContain('stats');
    expect(flattenVariables(baseVariables('expression')).map((v) => v.path)).toEqual(
      expect.arrayContaining(['stats.customerMessages', 'now']),
    );
  });

  it('offers vars only of upstream nodes, following loops through waits', () => {
    expect([...upstreamNodes(flow, 'a')]).toEqual(['start']);
    expect(upstreamNodes(flow, 'b')).toEqual(new Set(['start', 'a', 'b', 'c', 'wait']));
    const atA = variablesAt(flow, 'a', (id) => sources[id], 'template');
    expect(isKnownVariable(atA, 'vars.a.agent')).toBe(false);
    const atB = variablesAt(flow, 'b', (id) => sources[id], 'template');
    expect(isKnownVariable(atB, 'vars.a.agent')).toBe(true);
    expect(isKnownVariable(atB, 'vars.a.other')).toBe(false);
    expect(isKnownVariable(atB, 'vars.b.any.depth')).toBe(true);
    expect(isKnownVariable(atB, 'vars.c')).toBe(false);
    expect(isKnownVariable(atB, 'ticket.tags.0')).toBe(true);
    expect(isKnownVariable(atB, 'ticket.category.anything')).toBe(false);
  });

  it('suggests the name that ends with the unknown one, else the nearest', () => {
    const roots = baseVariables('template');
    expect(closestVariable(roots, 'customer.name')).toBe('ticket.customer.name');
    expect(closestVariable(roots, 'ticket.nubmer')).toBe('ticket.number');
    expect(closestVariable(roots, 'xyzzy.plugh')).toBeUndefined();
  });

  it('reads the names of templates and expressions', () => {
    expect(templateReferences('{{a.b}} {{{c}}} {{#d}}{{e}}{{/d}} {{! note}} {{.}}')).toEqual([
      { name: 'a.b', inSection: false },
      { name: 'c', inSection: false },
      { name: 'd', inSection: false },
      { name: 'e', inSection: true },
    ]);
    expect(templateReferences('{{broken')).toEqual([]);
    expect(
      expressionReferences('has(ticket.orderId) && vars.x.items.all(i, i.ok) && "a.b" in ticket.tags && now > 0').map((r) => r.name),
    ).toEqual(['ticket.orderId', 'vars.x.items', 'ticket.tags', 'now']);
  });
});
