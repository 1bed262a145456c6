import { builtinNodes, createNodeRegistry, type NodeDefinition } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import { deployVersion } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { type RunningServer, startServer } from '@switchyard/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampV1, stampV2 } from './__fixtures__/stamp-nodes';

const ADMIN_TOKEN = 'node-versions-test-token';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

/*
 * Issue #6, versioned nodes: a flow published against version 1 of a node keeps running,
 * durably and in a dry-run, once version 2 is installed: with the old definition kept
 * registered (old behaviour), or with only version 2 and its declared config migration.
 */
describe.each(testDatabases)('node versions on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let service: TestHttpServer;

  beforeAll(async () => {
    service = await startTestHttpServer({ body: { stamped: true } });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  /** Starts a server on the shared database with these custom nodes, runs `work`, stops it. */
  async function withServer(nodes: readonly NodeDefinition[], work: (server: RunningServer) => Promise<void>): Promise<void> {
    const server = await startServer({
      port: 0,
      seed: false,
      database: store,
      registry: createNodeRegistry([...builtinNodes, ...nodes]),
      logger: pino({ level: 'silent' }),
      worker: { pollMs: 20 },
      httpAllow: [service.host],
      adminToken: ADMIN_TOKEN,
    });
    try {
      await work(server);
    } finally {
      await server.close();
    }
  }

  const post = async (server: RunningServer, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  /** Opens a ticket and answers the body the stamp service received for it. */
  async function stampedFor(server: RunningServer): Promise<unknown> {
    const before = service.requests.length;
    await post(server, '/api/tickets', { channel: 'chat', subject: 'hi', customer: { id: 'C1' } });
    await expect.poll(() => service.requests.length, { timeout: 15_000, interval: 50 }).toBe(before + 1);
    return service.requests[before]?.body;
  }

  async function dryRunVersion1(server: RunningServer): Promise<unknown> {
    const { body } = await post(server, '/api/flows/stamping/dry-run', {
      version: 1,
      others: 'none',
      tickets: [{ id: 'd1', channel: 'chat', customer: { id: 'C1' } }],
    });
    return (body as { actions: { params: unknown }[] }[])[0]?.actions[0]?.params;
  }

  it('publishes a flow against version 1', async () => {
    await withServer([stampV1], async (server) => {
      const document = {
        id: 'stamping',
        name: 'Stamp every ticket',
        nodes: [
          { id: 'created', type: 'ticket_created', config: {} },
          { id: 'stamp', type: 'acme.stamp', config: { serviceUrl: service.url, label: 'hello' } },
        ],
        edges: [{ id: 'e1', source: 'created', target: 'stamp' }],
      };
      expect((await post(server, '/api/flows', { name: 'stamping', document })).status).toBe(201);
      expect((await post(server, '/api/flows/stamping/versions')).status).toBe(201);
      await deployVersion(server.ctx, 'stamping', 1, 'test');
      expect(await stampedFor(server)).toEqual({ by: 'v1', label: 'hello' });
    });
  });

  it('keeps running it with version 1 code when both versions are installed', async () => {
    await withServer([stampV1, stampV2], async (server) => {
      const nodes = (await (await fetch(`${server.url}/api/nodes`, { headers: AUTH })).json()) as { type: string; version: number }[];
      expect(nodes.filter((n) => n.type === 'acme.stamp')).toEqual([expect.objectContaining({ version: 2 })]);
      expect(await stampedFor(server)).toEqual({ by: 'v1', label: 'hello' });
      expect(await dryRunVersion1(server)).toEqual({ by: 'v1', label: 'hello', simulated: true });
    });
  });

  it('runs it on version 2 code with the migrated config when version 1 is gone', async () => {
    await withServer([stampV2], async (server) => {
      expect(await stampedFor(server)).toEqual({ by: 'v2', text: 'hello' });
      expect(await dryRunVersion1(server)).toEqual({ by: 'v2', text: 'hello', simulated: true });
    });
  });
});
