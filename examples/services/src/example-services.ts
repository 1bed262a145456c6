import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** Where the example flows expect their services (flow 02's tracking URL, billing.suspend's default). */
export const EXAMPLE_SERVICES_PORT = 4010;

export interface ExampleServices {
  readonly url: string;
  /** Requests answered so far, by path, for a look at what the flows called. */
  readonly calls: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

const SHIPPING_DAYS = 2;

/** The ERP's orders, under the order numbers of the sample tickets (amounts in yuan). */
const ORDERS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  DD20260501001: {
    status: 'shipped',
    amount: 299,
    currency: 'CNY',
    paidAt: '2026-05-01T10:12:00+08:00',
    shippedAt: '2026-05-02T09:00:00+08:00',
    deliveredAt: null,
    items: 1,
  },
  DD20260501009: {
    status: 'delivered',
    amount: 1299,
    currency: 'CNY',
    paidAt: '2026-05-01T20:30:00+08:00',
    shippedAt: '2026-05-02T08:00:00+08:00',
    deliveredAt: '2026-05-04T15:20:00+08:00',
    items: 2,
  },
  DD202405001: {
    status: 'delivered',
    amount: 899,
    currency: 'CNY',
    paidAt: '2024-05-01T11:00:00+08:00',
    shippedAt: '2024-05-01T18:00:00+08:00',
    deliveredAt: '2024-05-03T10:00:00+08:00',
    items: 2,
  },
  DD2024050012: {
    status: 'paid',
    amount: 159,
    currency: 'CNY',
    paidAt: '2024-05-05T09:30:00+08:00',
    shippedAt: null,
    deliveredAt: null,
    items: 1,
  },
  DD2024123456: {
    status: 'refunded',
    amount: 459,
    currency: 'CNY',
    paidAt: '2024-12-20T14:00:00+08:00',
    shippedAt: '2024-12-21T10:00:00+08:00',
    deliveredAt: '2024-12-23T16:00:00+08:00',
    items: 3,
  },
};

/**
 * Stand-ins for the customer's own systems, for the examples only: a logistics tracking
 * API (`GET /api/v1/tracking/<order>`, what scenario 2 asks) and a billing API
 * (`POST /subscriptions/suspend`, what scenario 10's billing.suspend calls) and an ERP
 * (`GET /erp/orders/<number>`, what erp.order_lookup calls; 404 for an unknown order). They answer
 * like the real ones would, over real HTTP; a repeated idempotency key gets the first answer.
 * Replace them by pointing the flows (and BILLING_URL) at the real services.
 * @example const services = await startExampleServices(); // http://127.0.0.1:4010
 */
export async function startExampleServices(port = EXAMPLE_SERVICES_PORT, hostname = '127.0.0.1'): Promise<ExampleServices> {
  const calls = new Map<string, number>();
  const suspended = new Map<string, unknown>();
  const server = createServer((req, res) => {
    void answer(req, res, calls, suspended).catch(() => send(res, 500, { error: 'example service failed' }));
  });
  server.keepAliveTimeout = 0;
  server.listen(port, hostname);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]: unknown[]) => Promise.reject(error instanceof Error ? error : new Error(String(error)))),
  ]);
  const address = server.address();
  // A TCP listener answers an AddressInfo; a string or null would mean a pipe or a closed server.
  if (address === null || typeof address === 'string') throw new Error('the example services are not listening on a TCP port');
  const bound = address.port;
  return {
    url: `http://${hostname}:${bound}`,
    calls,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  calls: Map<string, number>,
  suspended: Map<string, unknown>,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const tracking = /^\/api\/v1\/tracking\/([A-Za-z0-9-]+)$/.exec(path);
  if (req.method === 'GET' && tracking) {
    count(calls, '/api/v1/tracking');
    const eta = new Date(Date.now() + SHIPPING_DAYS * 86_400_000).toISOString().slice(0, 10);
    send(res, 200, { orderNumber: tracking[1], status: '运输中 in transit', eta, carrier: '顺丰 SF Express' });
    return;
  }
  const orderNumber = /^\/erp\/orders\/([A-Za-z0-9-]+)$/.exec(path)?.[1];
  if (req.method === 'GET' && orderNumber !== undefined) {
    count(calls, '/erp/orders');
    const found = ORDERS[orderNumber.toUpperCase()];
    if (found) send(res, 200, { orderNumber: orderNumber.toUpperCase(), ...found });
    else send(res, 404, { error: `no order ${orderNumber}` });
    return;
  }
  if (req.method === 'POST' && path === '/subscriptions/suspend') {
    count(calls, '/subscriptions/suspend');
    const body = await readJson(req);
    const key = req.headers['idempotency-key'];
    const known = typeof key === 'string' ? suspended.get(key) : undefined;
    const result = known ?? { suspended: true, suspendedAt: new Date().toISOString(), request: body };
    if (typeof key === 'string' && !known) suspended.set(key, result);
    send(res, 200, result);
    return;
  }
  send(res, 404, { error: `no example service at ${req.method ?? ''} ${path}` });
}

function count(calls: Map<string, number>, path: string): void {
  calls.set(path, (calls.get(path) ?? 0) + 1);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
