import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { type RunningServer, startServer } from './start-server';
import { anyString } from './__fixtures__/matchers';

/** Polls until `check` returns a value, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface TicketBody {
  category: string | null;
  group: string | null;
  assignee: string | null;
  priority: string;
}

const TOKEN = 'start-server-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('startServer over real HTTP (PGlite in memory, the project registry, the examples)', () => {
  let server: RunningServer;
  const logged: string[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    server = await startServer({ port: 0, logger, worker: { pollMs: 20 }, adminToken: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('creates the first admin with a generated password printed once, and demo accounts a roster agent signs in with', async () => {
    const line = logged.find((text) => text.includes('created the first admin'));
    const { email, password } = JSON.parse(line ?? '{}') as { email?: string; password?: string };
    expect(email).toBe('admin@localhost');
    const signIn = async (body: { email: string; password: string }) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchyard-csrf': '1' },
        body: JSON.stringify(body),
      });
    expect((await signIn({ email: 'admin@localhost', password: password ?? '' })).status).toBe(200);
    const agent = await signIn({ email: 'zhao-peng@example.com', password: 'switchyard-demo' });
    expect(agent.status).toBe(200);
    expect(await agent.json()).toMatchObject({ roles: ['agent'], groups: ['tech_support'], agentId: 'zhao-peng' });
    const cookie = (agent.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${server.url}/api/secrets`, { headers: { cookie } })).status).toBe(403);
  });

  it('seeds the examples and the roster', async () => {
    const flows = (await (await fetch(`${server.url}/api/flows`, { headers: auth })).json()) as {
      id: string;
      deployment: { stable: number } | null;
    }[];
    expect(flows).toHaveLength(14);
    expect(flows.every((f) => f.deployment?.stable === 1)).toBe(true);
    const agents = (await (await fetch(`${server.url}/api/agents`, { headers: auth })).json()) as unknown[];
    expect(agents.length).toBeGreaterThan(0);
  });

  it('runs a Chinese ticket posted over HTTP through the example flows: classified, prioritised, assigned', async () => {
    const res = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        channel: 'chat',
        subject: '申请退货',
        body: '鞋子尺码不对，我要退货退款',
        customer: { id: 'C9001', name: '陈先生', tier: 'vip' },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const ticket = await eventually(async () => {
      const body = (await (await fetch(`${server.url}/api/tickets/${id}`, { headers: auth })).json()) as TicketBody;
      return body.assignee ? body : undefined;
    });
    expect(ticket).toMatchObject({ category: 'after_sales', group: 'after_sales', priority: 'high', assignee: anyString });
    const history = (await (await fetch(`${server.url}/api/tickets/${id}/history`, { headers: auth })).json()) as {
      flowId: string | null;
    }[];
    expect(history.some((h) => h.flowId === 'after-sales-routing')).toBe(true);
  });

  it('stops: no more requests, the worker finished', async () => {
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});

/** Sends `text` on a raw connection and collects what the server answers until it closes the connection. */
async function rawExchange(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.write(text);
  await once(socket, 'close');
  return answer;
}

describe('startServer against slow and misdirected clients (issue 15)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      logger: pino({ level: 'silent' }),
      seed: false,
      worker: false,
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      allowedHosts: ['switchyard.example.com'],
      adminToken: TOKEN,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('cuts off a client that never finishes its headers, or its body', async () => {
    expect(await rawExchange(server.url, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ')).toMatch(/^HTTP\/1\.1 408/);
    const slowBody = `POST /api/groups HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":`;
    expect(await rawExchange(server.url, slowBody)).toMatch(/^HTTP\/1\.1 408/);
    expect((await fetch(`${server.url}/api/groups`, { headers: auth })).status).toBe(200);
  });

  it('answers 421 over HTTP to a Host it does not serve, and serves the allowed name and its own address', async () => {
    const request = (host: string) => `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
    expect(await rawExchange(server.url, request('attacker.example'))).toMatch(/^HTTP\/1\.1 421/);
    expect(await rawExchange(server.url, request('switchyard.example.com'))).toMatch(/^HTTP\/1\.1 200/);
    expect(await rawExchange(server.url, request(new URL(server.url).host))).toMatch(/^HTTP\/1\.1 200/);
  });
});
