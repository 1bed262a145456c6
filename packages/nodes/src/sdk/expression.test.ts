import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/node-test-context';
import { compileExpression, evaluateBoolean, expressionError, expressionScope } from './expression';

describe('compileExpression', () => {
  it('compiles once per source', () => {
    expect(compileExpression('1 == 1')).toBe(compileExpression('1 == 1'));
  });

  it('throws on a syntax error', () => {
    expect(() => compileExpression('ticket.priority ==')).toThrow();
  });
});

describe('expressionError', () => {
  it('is undefined for a valid expression and one line of reason otherwise', () => {
    expect(expressionError('ticket.priority == "urgent"')).toBeUndefined();
    const error = expressionError('ticket.priority == ');
    expect(error).toMatch(/\S/);
    expect(error).not.toContain('\n');
  });

  it('refuses what CEL has no syntax for (no statements, no function definitions)', () => {
    expect(expressionError('while (true) {}')).toBeDefined();
    expect(expressionError('function f() { return 1 }')).toBeDefined();
  });
});

describe('expressionScope', () => {
  it('exposes the ticket with orderId as null when absent, stats, vars, event and now in ms, whole numbers as CEL ints', () => {
    const ctx = createTestContext({ now: '2024-05-06T03:00:00.000Z', vars: { x: 1, ratio: 0.5 } });
    const scope = expressionScope(ctx);
    expect(scope.ticket).toMatchObject({ id: 'T1', orderId: null, escalationLevel: 0n });
    expect(scope.stats).toEqual({ ...ctx.stats, customerMessages: 0n, agentReplies: 0n });
    expect(scope.vars).toEqual({ x: 1n, ratio: 0.5 });
    expect(scope.event).toBeNull();
    expect(scope.now).toBe(BigInt(Date.parse('2024-05-06T03:00:00.000Z')));
  });
});

describe('evaluateBoolean', () => {
  const ctx = createTestContext({
    ticket: { priority: 'high', customer: { tier: 'vip' }, escalationLevel: 1, createdAt: '2024-05-06T02:00:00.000Z' },
    stats: { customerMessages: 2 },
    now: '2024-05-06T03:00:00.000Z',
    event: { type: 'customer.message', body: '转人工' },
  });

  it('evaluates comparisons over ticket, stats, event and now', () => {
    expect(evaluateBoolean('ticket.customer.tier == "vip" && ticket.escalationLevel >= 1', ctx)).toBe(true);
    expect(evaluateBoolean('stats.customerMessages >= 3', ctx)).toBe(false);
    expect(evaluateBoolean('event.body.contains("人工")', ctx)).toBe(true);
    expect(evaluateBoolean('now > 0', ctx)).toBe(true);
  });

  it('throws when the result is not a boolean', () => {
    expect(() => evaluateBoolean('ticket.priority', ctx)).toThrow('expression "ticket.priority" gave string, expected true or false');
  });

  it('throws on a name the scope lacks', () => {
    expect(() => evaluateBoolean('customer.tier == "vip"', ctx)).toThrow();
  });
});
