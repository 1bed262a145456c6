import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/node-test-context';
import { BudgetExceededError } from './evaluation-budget';
import {
  compileExpression,
  evaluateBoolean,
  expressionError,
  expressionPatternError,
  expressionScope,
  MAX_EXPRESSION_LENGTH,
} from './expression';
import { PatternError } from './regex-pattern';

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

// Issue 15 ("Survive hostile input"): cel-js ran `matches` on a backtracking RegExp, so a
// customer's subject of 30 `a`s and a `!` stalled the process for minutes on this pattern.
describe('matches runs on RE2, in linear time', () => {
  const hostile = createTestContext({ ticket: { subject: `${'a'.repeat(30)}!`, body: '订单 DD2024050188 还没到' } });

  it('answers the ReDoS expression within 100 ms (the bound issue 15 demands)', () => {
    // Warm: the first match of a process compiles the engines (tens of ms); the bound is on the customer's text.
    expect(evaluateBoolean('ticket.subject.matches("(b+)+$")', createTestContext({ ticket: { subject: 'bb' } }))).toBe(true);
    expect(expressionError('ticket.subject.matches("(a+)+$")')).toBeUndefined(); // validation compiles it, as before a run
    const started = performance.now();
    expect(evaluateBoolean('ticket.subject.matches("(a+)+$")', hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('keeps what people use matches for: classes, anchors, (?i), the function form', () => {
    expect(evaluateBoolean('ticket.body.matches("DD\\\\d{10}")', hostile)).toBe(true);
    expect(evaluateBoolean('ticket.subject.matches("^a+!$")', hostile)).toBe(true);
    expect(evaluateBoolean('ticket.body.matches("(?i)dd2024")', hostile)).toBe(true);
    expect(evaluateBoolean('matches(ticket.body, "还没到$")', hostile)).toBe(true);
    expect(evaluateBoolean('!ticket.body.matches("^还没到")', hostile)).toBe(true);
  });

  it('names matches, not its stand-in, in errors', () => {
    expect(() => evaluateBoolean('ticket.escalationLevel.matches("1")', hostile)).toThrow(/\.matches\(string\)/);
  });

  it('reports a literal pattern RE2 cannot run (backreference, lookaround) in both languages', () => {
    expect(expressionPatternError('ticket.subject.matches("(a)\\\\1")')).toMatchObject({ en: /not RE2 syntax/, 'zh-CN': /不是 RE2 语法/ });
    expect(expressionPatternError('matches(ticket.subject, "a(?=b)")')).toMatchObject({ en: /no lookaround/ });
    expect(expressionPatternError('ticket.subject.matches("a+")')).toBeUndefined();
  });

  it('refuses at run time a pattern taken from data that RE2 cannot run', () => {
    const ctx = createTestContext({ ticket: { subject: 'aa', body: '(a)\\1' } });
    expect(() => evaluateBoolean('ticket.subject.matches(ticket.body)', ctx)).toThrow(PatternError);
  });
});

describe('the evaluation budget', () => {
  const long = createTestContext({ ticket: { subject: 'x', body: 'y'.repeat(50_000) } });

  it('stops a comprehension that would run for ever with an error, not a stall', () => {
    expect(() => evaluateBoolean('ticket.body.split("").map(a, ticket.body.split("")).size() > 0', long)).toThrow(BudgetExceededError);
    expect(() => evaluateBoolean('[1, 2, 3, 4].all(a, [1, 2, 3, 4].all(b, ticket.body.split("").all(c, c == "y")))', long)).toThrow(
      /over the budget .*超出计算预算/,
    );
  });

  it('stays spent when CEL would swallow the error (`exists`, `||`)', () => {
    expect(() => evaluateBoolean('ticket.body.split("").exists(c, c == "z") || true', long)).toThrow(BudgetExceededError);
  });

  it('charges regular-expression work by pattern size times text length', () => {
    const huge = createTestContext({ ticket: { body: 'y'.repeat(1_000_000) } });
    expect(() => evaluateBoolean('ticket.body.matches("[a-x]{10}z")', huge)).toThrow(
      /matching "\[a-x\]\{10\}z" against 1000000 characters/,
    );
    expect(evaluateBoolean('ticket.body.matches("z")', long)).toBe(false);
  });

  it('refuses an expression longer than 2,000 characters', () => {
    expect(expressionError(`ticket.subject == "${'a'.repeat(MAX_EXPRESSION_LENGTH)}"`)).toMatch(/at most 2000 characters/);
  });
});
