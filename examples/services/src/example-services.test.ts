import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleServices, startExampleServices } from './example-services';

describe('example services', () => {
  let services: ExampleServices;
  beforeAll(async () => {
    services = await startExampleServices(0);
  });
  afterAll(() => services.close());

  it('tracks an order like scenario 2 expects', async () => {
    const response = await fetch(`${services.url}/api/v1/tracking/DD20260501001`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ orderNumber: 'DD20260501001', status: '运输中 in transit', carrier: '顺丰 SF Express' });
  });

  it('suspends billing once per idempotency key', async () => {
    const suspend = async (key: string): Promise<unknown> =>
      (
        await fetch(`${services.url}/subscriptions/suspend`, {
          method: 'POST',
          headers: { 'idempotency-key': key },
          body: JSON.stringify({ customerId: 'C1' }),
        })
      ).json();
    const first = await suspend('k1');
    expect(first).toMatchObject({ suspended: true, request: { customerId: 'C1' } });
    expect(await suspend('k1')).toEqual(first);
    expect(services.calls.get('/subscriptions/suspend')).toBe(2);
  });

  it("serves ERP orders under the sample tickets' order numbers, and 404 for others", async () => {
    const known = await fetch(`${services.url}/erp/orders/DD20260501001`);
    expect(await known.json()).toMatchObject({ orderNumber: 'DD20260501001', status: 'shipped', amount: 299 });
    const unknown = await fetch(`${services.url}/erp/orders/DD1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no order DD1' });
  });

  it('answers 404 naming what was asked for anything else', async () => {
    const response = await fetch(`${services.url}/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no example service at GET /nothing' });
  });
});
