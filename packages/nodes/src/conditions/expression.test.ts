import { describe, expect, it } from 'vitest';
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
