import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { textContains, textOf } from './text-contains';

const config = (keywords: string[], source?: 'ticket' | 'subject' | 'body' | 'message') =>
  parseConfig(textContains, { keywords, ...(source ? { source } : {}) });

describe('text_contains', () => {
  it('finds Chinese keywords inside longer sentences (no word boundaries)', () => {
    const ctx = createTestContext({ ticket: { subject: '咨询', body: '我的快递三天了物流信息一直没有更新' } });
    expect(textContains.evaluate(ctx, config(['物流']))).toBe(true);
    const app = createTestContext({ ticket: { subject: 'App 首页打不开了怎么办', body: '' } });
    expect(textContains.evaluate(app, config(['无法打开', '打不开']))).toBe(true);
  });

  it('is false when no keyword appears', () => {
    const ctx = createTestContext({ ticket: { subject: '开发票', body: '请帮我开一张发票' } });
    expect(textContains.evaluate(ctx, config(['物流', '快递', 'shipping']))).toBe(false);
  });

  it('matches English case-insensitively', () => {
    const ctx = createTestContext({ ticket: { subject: 'I WANT A REFUND NOW', body: '' } });
    expect(textContains.evaluate(ctx, config(['refund']))).toBe(true);
    expect(textContains.evaluate(createTestContext({ ticket: { body: 'please refund' } }), config(['REFUND']))).toBe(true);
  });

  it('folds full-width letters (ＵＲＧＥＮＴ)', () => {
    const ctx = createTestContext({ ticket: { subject: '【ＵＲＧＥＮＴ】服务器宕机' } });
    expect(textContains.evaluate(ctx, config(['urgent']))).toBe(true);
  });

  it('reads the ticket subject and body by default, or just one of them', () => {
    const ctx = createTestContext({ ticket: { subject: '物流查询', body: '订单很久没到' } });
    expect(textContains.evaluate(ctx, config(['没到']))).toBe(true);
    expect(textContains.evaluate(ctx, config(['没到'], 'subject'))).toBe(false);
    expect(textContains.evaluate(ctx, config(['物流'], 'body'))).toBe(false);
  });

  it('reads the body of the message being handled with source "message"', () => {
    const ctx = createTestContext({
      ticket: { subject: '物流', body: '' },
      event: { type: 'customer.message', body: '帮我转人工客服' },
    });
    expect(textContains.evaluate(ctx, config(['人工'], 'message'))).toBe(true);
    expect(textContains.evaluate(ctx, config(['物流'], 'message'))).toBe(false);
    expect(textOf(createTestContext({ event: { type: 'ticket.created' } }), 'message')).toBe('');
  });

  it('refuses an empty keyword list and blank keywords', () => {
    const empty = textContains.config.safeParse({ keywords: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['keywords']);
    expect(textContains.config.safeParse({ keywords: ['  '] }).success).toBe(false);
  });

  it('trims keywords so a stray space in the editor still matches', () => {
    const ctx = createTestContext({ ticket: { body: '退款什么时候到账' } });
    expect(textContains.evaluate(ctx, config([' 退款 ']))).toBe(true);
  });

  it('summarises the first three keywords', () => {
    expect(textContains.summary!(config(['物流', '快递', '发货', '配送']), 'zh-CN')).toBe('包含 物流, 快递, 发货 ...');
  });
});
