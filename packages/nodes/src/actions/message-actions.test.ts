import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { notify, reply, survey } from './message-actions';

describe('reply', () => {
  const config = parseConfig(reply, {
    template: '您好，工单 {{ticket.number}} 的物流状态：{{vars.track.status}}',
    templateEn: 'Hello, ticket {{ticket.number}}: {{vars.track.status}}',
  });
  const vars = { track: { status: 'in transit' } };

  it('replies in Chinese to a Chinese ticket, rendering ticket and vars', async () => {
    const ctx = createTestContext({ ticket: { number: 'GD2024050001', subject: '物流查询' }, vars });
    const body = '您好，工单 GD2024050001 的物流状态：in transit';
    expect(await reply.run(ctx, config)).toEqual({
      params: { body, language: 'zh-CN' },
      message: { audience: 'customer', body, via: 'chat', language: 'zh-CN' },
    });
  });

  it('replies with templateEn to a ticket without Chinese text', async () => {
    const ctx = createTestContext({ ticket: { number: 'GD2024050002', subject: 'Where is my parcel?', body: 'DD123' }, vars });
    const result = await reply.run(ctx, config);
    expect(result.params).toEqual({ body: 'Hello, ticket GD2024050002: in transit', language: 'en' });
    expect(result.message).toMatchObject({ audience: 'customer', body: 'Hello, ticket GD2024050002: in transit', language: 'en' });
  });

  it('replies in Chinese to an English ticket when there is no English template', async () => {
    const ctx = createTestContext({ ticket: { subject: 'Where is my parcel?' } });
    const result = await reply.run(ctx, parseConfig(reply, { template: '请提供订单号' }));
    expect(result.params).toEqual({ body: '请提供订单号', language: 'zh-CN' });
  });

  it('does not HTML-escape: messages are plain text', async () => {
    const ctx = createTestContext({ ticket: { subject: '<b>退款</b> & 换货' } });
    const result = await reply.run(ctx, parseConfig(reply, { template: '已收到：{{ticket.subject}}' }));
    expect(result.params?.body).toBe('已收到：<b>退款</b> & 换货');
  });

  it('simulates exactly what it runs', async () => {
    const ctx = createTestContext({ ticket: { subject: '物流' }, vars });
    expect(reply.simulate!(ctx, config)).toEqual(await reply.run(ctx, config));
  });

  it('refuses a broken template tag', () => {
    const result = reply.config.safeParse({ template: '工单 {{ticket.number' });
    expect(result.error?.issues).toMatchObject([{ path: ['template'], message: 'broken {{ }} tag in template' }]);
  });
});

describe('notify', () => {
  const ctx = createTestContext({ ticket: { number: 'GD1', assignee: 'a-han', group: 'after_sales' } });

  it('tells the assignee by IM by default, rendering the template', async () => {
    const result = await notify.run(ctx, parseConfig(notify, { template: '工单 {{ticket.number}} 10 分钟未回复' }));
    expect(result.params).toEqual({ to: 'assignee', via: 'im', recipient: 'a-han', body: '工单 GD1 10 分钟未回复' });
  });

  it('names the group or the supervisor as recipient', async () => {
    const group = await notify.run(ctx, parseConfig(notify, { to: 'group', via: 'email', template: 'x' }));
    const supervisor = await notify.run(ctx, parseConfig(notify, { to: 'supervisor', via: 'sms', template: 'x' }));
    expect(group.params).toMatchObject({ recipient: 'after_sales', via: 'email' });
    expect(supervisor.params).toMatchObject({ recipient: 'supervisor', via: 'sms' });
  });
});

describe('survey', () => {
  it('is valid for 7 days from now by default', async () => {
    const ctx = createTestContext({ now: '2024-05-07T10:00:00.000Z', ticket: { subject: '物流查询' } });
    const result = await survey.run(ctx, parseConfig(survey, {}));
    expect(result.params).toEqual({ validDays: 7, validUntil: '2024-05-14T10:00:00.000Z' });
    expect(result.message?.body).toMatch(/7 天内回复 1-5 分/);
  });

  it('uses the configured validity', () => {
    const ctx = createTestContext({ now: '2024-05-07T10:00:00.000Z' });
    expect(survey.simulate!(ctx, parseConfig(survey, { validDays: 1 })).params).toEqual({
      validDays: 1,
      validUntil: '2024-05-08T10:00:00.000Z',
    });
  });
});
