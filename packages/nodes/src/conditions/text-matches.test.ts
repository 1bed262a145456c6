import { formatDiagnostic, validateFlow } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { builtinNodes } from '../builtin-nodes';
import { BudgetExceededError } from '../sdk/evaluation-budget';
import { createNodeRegistry } from '../sdk/node-registry';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { textMatches } from './text-matches';

const config = (pattern: string, source?: 'ticket' | 'subject' | 'body' | 'message') =>
  parseConfig(textMatches, { pattern, ...(source ? { source } : {}) });

describe('text_matches', () => {
  it('finds a pattern in the ticket text: a mobile number, an order number', () => {
    const ctx = createTestContext({ ticket: { subject: '退款', body: '请联系我 13812345678，订单 DD2024050188' } });
    expect(textMatches.evaluate(ctx, config('1[3-9]\\d{9}'))).toBe(true);
    expect(textMatches.evaluate(ctx, config('DD\\d{10}', 'body'))).toBe(true);
    expect(textMatches.evaluate(ctx, config('DD\\d{10}', 'subject'))).toBe(false);
  });

  it('matches like keywords: Latin case-insensitively, full-width folded', () => {
    const ctx = createTestContext({ ticket: { subject: '【ＵＲＧＥＮＴ】Server DOWN' } });
    expect(textMatches.evaluate(ctx, config('urgent.*server down'))).toBe(true);
  });

  // Issue 15: with a backtracking engine this pattern on 30 `a`s and a `!` takes minutes.
  it('answers the ReDoS pattern on a hostile subject within 100 ms (the bound issue 15 demands)', () => {
    expect(textMatches.evaluate(createTestContext({ ticket: { subject: 'bb' } }), config('(b+)+$', 'subject'))).toBe(true); // warms the engine
    const hostile = createTestContext({ ticket: { subject: `${'a'.repeat(30)}!` } });
    const started = performance.now();
    expect(textMatches.evaluate(hostile, config('(a+)+$', 'subject'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('stops with an error naming the budget when the text is too long for the pattern', () => {
    const huge = createTestContext({ ticket: { body: 'y'.repeat(1_000_000) } });
    expect(() => textMatches.evaluate(huge, config('[a-x]{10}z', 'body'))).toThrow(BudgetExceededError);
  });

  it('refuses a pattern RE2 cannot run at validation, naming the node and field in both languages', () => {
    const flow = {
      id: 'patterns',
      name: 'Patterns',
      nodes: [
        { id: 'start', type: 'ticket_created' },
        { id: 'repeat', type: 'text_matches', config: { pattern: '(\\w+) \\1' } },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'repeat' },
        { id: 'e2', source: 'repeat', sourceHandle: 'true', target: 'done' },
        { id: 'e3', source: 'repeat', sourceHandle: 'false', target: 'done' },
      ],
    };
    const { ok, diagnostics } = validateFlow(flow, createNodeRegistry(builtinNodes));
    expect(ok).toBe(false);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'repeat', field: 'config.pattern' })]);
    expect(diagnostics[0]!.message).toMatch(/^node repeat: config\.pattern: not RE2 syntax/);
    expect(formatDiagnostic(diagnostics[0]!, 'zh-CN')).toMatch(/^节点 repeat 的配置 config\.pattern 无效：不是 RE2 语法/);
    expect(textMatches.config.safeParse({ pattern: 'a{1000}b{1000}' }).error?.issues[0]?.message).toMatch(/too complex/);
    expect(textMatches.config.safeParse({ pattern: 'x'.repeat(501) }).error?.issues[0]?.message).toMatch(/at most 500 characters/);
  });
});
