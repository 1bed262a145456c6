import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic } from '../diagnostic';
import { describeField } from '../field-meta';
import type { FlowDocumentInput } from '../flow-document';
import type { NodeCatalog, NodeSpec } from '../node-kind';
import { validateFlow } from '../validate-flow';

const template = (en: string, zh: string) => describeField(z.string().min(1), { title: { en, 'zh-CN': zh }, variables: 'template' });

const specs: readonly NodeSpec[] = [
  { type: 'ticket_created', kind: 'trigger', config: z.strictObject({}), ports: () => ['next'] },
  {
    type: 'lookup',
    kind: 'action',
    title: { en: 'Look up order', 'zh-CN': '查询订单' },
    config: z.strictObject({}),
    output: z.object({ status: z.string(), eta: z.string().nullable() }),
    ports: () => ['next', 'error'],
  },
  { type: 'raw_call', kind: 'action', config: z.strictObject({}), ports: () => ['next', 'error'] },
  {
    type: 'reply',
    kind: 'action',
    title: { en: 'Reply to customer', 'zh-CN': '回复客户' },
    config: z.strictObject({ template: template('Message', '回复内容') }),
    output: z.never(),
    ports: () => ['next', 'error'],
  },
  {
    type: 'expression',
    kind: 'condition',
    config: z.strictObject({
      expression: describeField(z.string(), { title: { en: 'Expression', 'zh-CN': '表达式' }, variables: 'expression' }),
    }),
    ports: () => ['true', 'false'],
  },
  { type: 'end', kind: 'end', config: z.strictObject({}), ports: () => [] },
];
const catalog: NodeCatalog = { get: (type) => specs.find((s) => s.type === type) };

/** start -> lookup -> answer (reply) -> end, plus a raw call after the reply. */
function flowWith(reply: string, expression = 'ticket.priority == "urgent"'): FlowDocumentInput {
  return {
    id: 'greet',
    name: 'greet',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'check', type: 'expression', config: { expression } },
      { id: 'lookup', type: 'lookup' },
      { id: 'answer', type: 'reply', label: '问候客户', config: { template: reply } },
      { id: 'later', type: 'raw_call' },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'check' },
      { id: 'e2', source: 'check', sourceHandle: 'true', target: 'lookup' },
      { id: 'e3', source: 'check', sourceHandle: 'false', target: 'done' },
      { id: 'e4', source: 'lookup', target: 'answer' },
      { id: 'e5', source: 'answer', target: 'later' },
      { id: 'e6', source: 'later', target: 'done' },
    ],
  };
}

const problems = (doc: FlowDocumentInput) => validateFlow(doc, catalog).diagnostics.filter((d) => d.code === 'unknown_variable');

describe('unknown variables', () => {
  it('accepts ticket fields, the customer, the event, orderNumber and declared outputs of upstream nodes', () => {
    const reply =
      '{{ticket.customer.name}} 您好，订单 {{orderNumber}} {{vars.lookup.status}} {{event.body}} {{#ticket.tags}}{{.}}{{/ticket.tags}}';
    expect(problems(flowWith(reply))).toEqual([]);
  });

  it('names the node by its label, the field by its title and the closest name, in English and Chinese', () => {
    const [problem, ...rest] = problems(flowWith('{{customer.name}} 您好'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', nodeId: 'answer', field: 'config.template' });
    expect(problem?.params).toMatchObject({ variable: 'customer.name', suggestion: 'ticket.customer.name' });
    expect(problem && formatDiagnostic(problem, 'en')).toBe(
      '"问候客户", Message: there is no variable customer.name; did you mean ticket.customer.name?',
    );
    expect(problem && formatDiagnostic(problem, 'zh-CN')).toBe(
      '「问候客户」的「回复内容」：没有变量 customer.name，是否要写 ticket.customer.name？',
    );
  });

  it('checks names inside an output: a declared shape has only its fields, an undeclared one takes any', () => {
    expect(problems(flowWith('{{vars.lookup.stauts}}'))[0]?.params).toMatchObject({ suggestion: 'vars.lookup.status' });
    const later = problems(flowWith('{{vars.later.anything}}'))[0];
    expect(later && formatDiagnostic(later, 'en')).toBe(
      '"问候客户", Message: there is no variable vars.later.anything: node later does not run before this one',
    );
    expect(later && formatDiagnostic(later, 'zh-CN')).toBe(
      '「问候客户」的「回复内容」：没有变量 vars.later.anything：节点 later 不在本节点之前运行',
    );
  });

  it('checks expressions, leaving functions, methods, strings and macro variables alone', () => {
    const fine =
      'size(ticket.tags) > 0 && ticket.subject.contains("customer.name") && ticket.tags.exists(t, t == "vip") && stats.customerMessages >= 2';
    expect(problems(flowWith('hi', fine))).toEqual([]);
    const [problem] = problems(flowWith('hi', 'customer.tier == "vip"'));
    expect(problem).toMatchObject({ nodeId: 'check', field: 'config.expression' });
    expect(problem?.params).toMatchObject({ suggestion: 'ticket.customer.tier' });
    expect(problem && formatDiagnostic(problem, 'zh-CN')).toBe(
      '「check」的「表达式」：没有变量 customer.tier，是否要写 ticket.customer.tier？',
    );
  });

  it('suggests nothing for a name far from every known one', () => {
    const [problem] = problems(flowWith('{{zzzqqq}}'));
    expect(problem?.params?.suggestion).toBeUndefined();
    expect(problem && formatDiagnostic(problem, 'en')).toContain('pick one from the variable list');
    expect(problem && formatDiagnostic(problem, 'zh-CN')).toContain('请从变量列表中选择');
  });
});
