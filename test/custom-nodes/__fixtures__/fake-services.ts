import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';

const ORDER = { orderNumber: 'DD202405001', status: 'delivered', amount: 899, currency: 'CNY', items: 2 };

/** What the billing and ERP stand-ins saw. */
export interface FakeServices {
  readonly server: TestHttpServer;
  /** Suspensions performed: one per idempotency key, however often it was asked. */
  readonly suspensions: Map<string, { customerId: unknown }>;
  /** How long the next suspend request waits before answering (its work is done at once). */
  slowNext(ms: number): void;
}

/**
 * A billing service that deduplicates on the Idempotency-Key header (the work is done when
 * the request arrives; a slow answer does not undo it) and an ERP with one order.
 */
export async function startFakeServices(): Promise<FakeServices> {
  const suspensions = new Map<string, { customerId: unknown }>();
  let delayNext = 0;
  const server = await startTestHttpServer((request) => {
    if (request.method === 'GET' && request.url === `/erp/orders/${ORDER.orderNumber}`) return { body: ORDER };
    if (request.method === 'POST' && request.url === '/subscriptions/suspend') {
      const key = String(request.headers['idempotency-key']);
      if (!suspensions.has(key)) suspensions.set(key, { customerId: (request.body as { customerId?: unknown }).customerId });
      const delayMs = delayNext;
      delayNext = 0;
      return { body: { suspended: true }, delayMs };
    }
    return { status: 404, body: { error: 'not here' } };
  });
  return { server, suspensions, slowNext: (ms) => (delayNext = ms) };
}
