import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  createTestContext,
  parseConfig,
  startTestHttpServer,
  type TestContextOptions,
  type TestHttpServer,
  type TestTicket,
} from '@switchyard/nodes/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ERP_URL, erpOrderLookup } from './erp-order-lookup';

const ORDER = {
  orderNumber: 'DD202405001',
  status: 'delivered',
  amount: 899,
  currency: 'CNY',
  deliveredAt: '2024-05-03T10:00:00+08:00',
  items: 2,
  warehouse: 'SH-1',
};

/** An ERP stand-in: each test gets a fresh one that records every request. */
let erp: TestHttpServer;
beforeEach(async () => {
  erp = await startTestHttpServer((request) =>
    request.url === '/erp/orders/DD202405001' ? { body: ORDER } : { status: 404, body: { error: 'no such order' } },
  );
});
afterEach(async () => {
  await erp.close();
});

const TOKEN = 'erp-token-secret-1';
const context = (ticket: TestTicket = { subject: '退货', body: '订单 DD202405001 申请退货' }, extra: Partial<TestContextOptions> = {}) =>
  createTestContext({ ticket, idempotencyKey: 'T1:returns:lookup:1', secrets: { ERP_API_TOKEN: TOKEN }, httpAllow: [erp.host], ...extra });
const config = (input: Record<string, unknown> = {}) => parseConfig(erpOrderLookup, { serviceUrl: erp.url, ...input });

describe('erp.order_lookup', () => {
  it("GETs the ticket's order with the ERP token and the idempotency key, and outputs its fields", async () => {
    const result = await erpOrderLookup.run(context(), config());
    expect(erp.requests).toHaveLength(1);
    expect(erp.requests[0]).toMatchObject({
      method: 'GET',
      url: '/erp/orders/DD202405001',
      headers: { 'x-api-key': TOKEN, 'idempotency-key': 'T1:returns:lookup:1' },
    });
    expect(result.output).toEqual({ found: true, ...ORDER, paidAt: null, shippedAt: null });
    expect(result.params).toEqual({ orderNumber: 'DD202405001', status: 200 });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("prefers the ticket's orderId, and takes a template for the number", async () => {
    await erpOrderLookup.run(context({ orderId: 'DD202405001', body: '订单 DD999' }), config());
    await erpOrderLookup.run(
      context({ subject: 'x' }, { vars: { form: { order: 'DD202405001' } } }),
      config({ orderNumber: '{{vars.form.order}}' }),
    );
    expect(erp.requests.map((r) => r.url)).toEqual(['/erp/orders/DD202405001', '/erp/orders/DD202405001']);
  });

  it('answers found: false for an order the ERP does not know (404), without failing', async () => {
    const result = await erpOrderLookup.run(context({ body: '订单 DD2099' }), config());
    expect(result.output).toEqual({ found: false, orderNumber: 'DD2099', reason: 'not_found' });
  });

  it('answers found: false without calling when the ticket has no order number', async () => {
    const result = await erpOrderLookup.run(context({ subject: '你好', body: '在吗' }), config());
    expect(result.output).toEqual({ found: false, orderNumber: null, reason: 'no_order_number' });
    expect(erp.requests).toHaveLength(0);
  });

  // Issue 15: the order number is the customer's text; it must stay one path segment under erp/orders/.
  it('keeps a hostile order number inside erp/orders/, and never calls for "." or ".."', async () => {
    await erpOrderLookup.run(context({ orderId: '../../admin/users?delete=all#' }), config());
    expect(erp.requests.map((r) => r.url)).toEqual(['/erp/orders/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%23']);
    for (const orderId of ['..', '.']) {
      const result = await erpOrderLookup.run(context({ orderId }), config());
      expect(result.output).toEqual({ found: false, orderNumber: orderId, reason: 'not_found' });
    }
    expect(erp.requests).toHaveLength(1);
  });

  it('fails the step on another non-2xx answer, naming method, URL and status', async () => {
    erp.answerWith({ status: 500, body: { error: 'ERP down' } });
    await expect(erpOrderLookup.run(context(), config())).rejects.toThrow(`GET ${erp.url}/erp/orders/DD202405001 answered 500: ERP down`);
  });

  it('fails the step on an answer that is not an order, naming the missing fields', async () => {
    erp.answerWith({ body: { orderNumber: 'DD202405001' } });
    await expect(erpOrderLookup.run(context(), config())).rejects.toThrow(/without status, amount/);
  });

  it('fails the step when the ERP does not answer within timeoutMs', async () => {
    erp.answerWith({ body: ORDER, delayMs: 1_000 });
    await expect(erpOrderLookup.run(context(), config({ timeoutMs: 100 }))).rejects.toThrow('timed out after 100 ms');
  });

  it('fails naming the secret when ERP_API_TOKEN is not set', async () => {
    await expect(erpOrderLookup.run(context(undefined, { secrets: {} }), config())).rejects.toThrow('secret ERP_API_TOKEN is not set');
    expect(erp.requests).toHaveLength(0);
  });

  it('simulates without any request: the sample order under the ticket’s number', () => {
    const result = erpOrderLookup.simulate?.(context(), config({ sampleOrder: { status: 'paid', amount: 10 } }));
    expect(erp.requests).toHaveLength(0);
    expect(result).toMatchObject({
      params: { orderNumber: 'DD202405001', simulated: true },
      output: { found: true, orderNumber: 'DD202405001', status: 'paid', amount: 10 },
    });
  });

  it('defaults the service url to ERP_URL, else the local example services', () => {
    const saved = process.env.ERP_URL;
    try {
      delete process.env.ERP_URL;
      expect(erpOrderLookup.config.parse({}).serviceUrl).toBe(DEFAULT_ERP_URL);
      process.env.ERP_URL = 'http://erp.internal';
      expect(erpOrderLookup.config.parse({}).serviceUrl).toBe('http://erp.internal');
    } finally {
      if (saved === undefined) delete process.env.ERP_URL;
      else process.env.ERP_URL = saved;
    }
  });

  it('refuses a broken template, naming the field', () => {
    const parsed = erpOrderLookup.config.safeParse({ orderNumber: '{{ticket.orderId' });
    expect(parsed.error?.issues[0]?.path).toEqual(['orderNumber']);
  });

  it('registers beside the built-ins, declaring its secret', () => {
    const registry = createNodeRegistry([...builtinNodes, erpOrderLookup]);
    expect(registry.get('erp.order_lookup')).toMatchObject({ kind: 'action', secrets: ['ERP_API_TOKEN'] });
  });
});
