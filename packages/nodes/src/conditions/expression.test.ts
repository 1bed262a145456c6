import { formatDiagnostic, validateFlow } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { builtinNodes } from '../builtin-nodes';
import { createNodeRegistry } from '../sdk/node-registry';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { expression } from './expression';

describe('expression', () => {
  const ctx = createTestContext({
    ticket: { priority: 'urgent', tags: ['vip_followup'] },
    stats: { customerMessages: 3 },
    vars: { track: { status: '运输中' } },
  });
  const evaluate = (source: string) => expression.evaluate(ctx, parseConfig(expression, { expression: source }));

  it('evaluates a CEL condition over the ticket and stats (the example in its description)', () => {
    expect(evaluate('ticket.priority == "urgent" && stats.customerMessages >= 2')).toBe(true);
    expect(evaluate('ticket.priority == "normal" || stats.customerMessages > 3')).toBe(false);
  });

  it('sees vars, tags, and an absent orderId as null', () => {
    expect(evaluate('vars.track.status == "运输中"')).toBe(true);
    expect(evaluate('"vip_followup" in ticket.tags')).toBe(true);
    expect(evaluate('ticket.orderId == null')).toBe(true);
  });

  it('throws when the expression does not yield a boolean', () => {
    expect(() => evaluate('ticket.priority')).toThrow(/gave string, expected true or false/);
  });

  it('is refused by the config schema when it does not parse, with the reason', () => {
    const result = expression.config.safeParse({ expression: 'ticket.priority ==' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^invalid expression: .+/);
    expect(expression.config.safeParse({ expression: '' }).success).toBe(false);
  });
});

describe('expression arithmetic (CEL int vs double)', () => {
  it('adds to a ticket counter: whole numbers are CEL ints', () => {
    const ctx = createTestContext({ stats: { customerMessages: 3 } });
    expect(expression.evaluate(ctx, parseConfig(expression, { expression: 'stats.customerMessages + 1 > 3' }))).toBe(true);
    expect(expression.evaluate(ctx, parseConfig(expression, { expression: 'stats.customerMessages * 2 == 6' }))).toBe(true);
  });
});

// Issue 15: a pattern RE2 cannot run is refused before the flow is published.
describe('expression validation of matches() patterns', () => {
  const flowWith = (source: string) => ({
    id: 'redos',
    name: 'ReDoS',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'check', type: 'expression', config: { expression: source } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'check' },
      { id: 'e2', source: 'check', sourceHandle: 'true', target: 'done' },
      { id: 'e3', source: 'check', sourceHandle: 'false', target: 'done' },
    ],
  });
  const registry = createNodeRegistry(builtinNodes);

  it('refuses a backreference or lookaround, naming the node and field, in both languages', () => {
    for (const source of ['ticket.subject.matches("(a+)\\\\1")', 'ticket.body.matches("退款(?!成功)")']) {
      const { ok, diagnostics } = validateFlow(flowWith(source), registry);
      expect(ok).toBe(false);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'check', field: 'config.expression' })]);
      expect(diagnostics[0]!.message).toMatch(/^node check: config\.expression: not RE2 syntax/);
      expect(formatDiagnostic(diagnostics[0]!, 'zh-CN')).toMatch(/^节点 check 的配置 config\.expression 无效：不是 RE2 语法/);
    }
  });

  it('accepts the ReDoS-shaped pattern: RE2 runs it in linear time', () => {
    expect(validateFlow(flowWith('ticket.subject.matches("(a+)+$")'), registry).diagnostics).toEqual([]);
  });
});
