import type { NodeNames } from './node-names';

/**
 * The files of a new node package, by path inside its folder: a working side-effecting
 * action (POST to a service with an API key, the run's idempotency key, a timeout, a
 * dry-run stand-in) and a real test against a local HTTP server, for the author to reshape.
 */
export function nodePackageFiles(n: NodeNames, packageName: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(
      {
        name: packageName,
        version: '0.1.0',
        private: true,
        description: `Switchyard custom node ${n.type}`,
        type: 'module',
        exports: { '.': './src/index.ts' },
        dependencies: { '@switchyard/nodes': 'workspace:*', zod: '^4.6.7' },
      },
      null,
      2,
    )}\n`,
    'src/index.ts': `export { ${n.exportName}, API_KEY } from './${n.slug}';\n`,
    [`src/${n.slug}.ts`]: nodeSource(n),
    [`src/${n.slug}.test.ts`]: nodeTest(n),
    'README.md': readme(n, packageName),
  };
}

function nodeSource(n: NodeNames): string {
  return `import { defineNode } from '@switchyard/nodes';
import { z } from 'zod';

/** The service's API key: set SWITCHYARD_SECRET_${n.secret} or PUT /api/secrets/${n.secret}. Never logged, never shown. */
export const API_KEY = '${n.secret}';

/**
 * ${n.type}: POSTs the ticket to <serviceUrl>/${n.action} with the run's idempotency key
 * (a retried delivery must not act twice: the service deduplicates on it).
 * Bump \`version\` when the config or behaviour changes; see docs/custom-nodes.md.
 */
export const ${n.exportName} = defineNode({
  type: '${n.type}',
  version: 1,
  kind: 'action',
  // It calls out: it runs from the outbox (timeout, retries) and dry-runs call simulate().
  sideEffect: true,
  secrets: [API_KEY],
  timeoutMs: 5_000,
  icon: 'plug',
  // TODO: the palette shows these; write both languages.
  title: { en: '${n.type}', 'zh-CN': '${n.type}' },
  description: {
    en: 'Sends the ticket to the ${n.type.split('.')[0]} service.',
    'zh-CN': '将工单发送到 ${n.type.split('.')[0]} 服务。',
  },
  config: z.strictObject({
    serviceUrl: z.url().default(() => process.env.${n.urlVariable} ?? 'http://127.0.0.1:4010'),
    note: z.string().max(200).default(''),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  }),
  run: async (ctx, config) => {
    const url = \`\${config.serviceUrl.replace(/\\/+$/, '')}/${n.action}\`;
    const payload = { ticketId: ctx.ticket.id, customerId: ctx.ticket.customer.id, note: config.note };
    const response = await ctx.http.post(url, payload, {
      headers: { authorization: \`Bearer \${ctx.secrets.get(API_KEY)}\` },
      timeoutMs: config.timeoutMs,
    });
    ctx.logger.info('${n.type} done', { ticketId: ctx.ticket.id, status: response.status });
    // output: later nodes read it as vars.<node id>; params: what the history shows.
    return { params: { ...payload, url, status: response.status }, output: response.body };
  },
  simulate: (ctx, config) => ({
    params: { ticketId: ctx.ticket.id, customerId: ctx.ticket.customer.id, note: config.note, simulated: true },
    output: { ok: true },
  }),
});
`;
}

function nodeTest(n: NodeNames): string {
  return `import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createTestContext, parseConfig, startTestHttpServer, type TestContextOptions, type TestHttpServer } from '@switchyard/nodes/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ${n.exportName} } from './${n.slug}';

/** A stand-in for the service: a real HTTP server on 127.0.0.1 that records every request. */
let service: TestHttpServer;
beforeEach(async () => {
  service = await startTestHttpServer({ body: { ok: true } });
});
afterEach(async () => {
  await service.close();
});

const context = (extra: Partial<TestContextOptions> = {}) =>
  createTestContext({
    // The stand-in service listens on loopback, which ctx.http refuses unless the host is allowed.
    httpAllow: [service.host],
    ticket: { id: 't-1', customer: { id: 'C1' } },
    idempotencyKey: 't-1:my-flow:my-node:1',
    secrets: { ${n.secret}: 'test-key' },
    ...extra,
  });
const config = (input: Record<string, unknown> = {}) => parseConfig(${n.exportName}, { serviceUrl: service.url, ...input });

describe('${n.type}', () => {
  it('POSTs the ticket with the API key and the idempotency key, and outputs the answer', async () => {
    const result = await ${n.exportName}.run(context(), config({ note: 'hello' }));
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]).toMatchObject({
      method: 'POST',
      url: '/${n.action}',
      headers: { authorization: 'Bearer test-key', 'idempotency-key': 't-1:my-flow:my-node:1' },
      body: { ticketId: 't-1', customerId: 'C1', note: 'hello' },
    });
    expect(result.output).toEqual({ ok: true });
  });

  it('fails the step on a non-2xx answer, naming the status', async () => {
    service.answerWith({ status: 503, body: { error: 'maintenance' } });
    await expect(${n.exportName}.run(context(), config())).rejects.toThrow(/answered 503/);
  });

  it('fails the step when the service does not answer within timeoutMs', async () => {
    service.answerWith({ body: {}, delayMs: 1_000 });
    await expect(${n.exportName}.run(context(), config({ timeoutMs: 100 }))).rejects.toThrow(/timed out after 100 ms/);
  });

  it('fails naming the secret when it is not set', async () => {
    await expect(${n.exportName}.run(context({ secrets: {} }), config())).rejects.toThrow('${n.secret}');
    expect(service.requests).toHaveLength(0);
  });

  it('simulates without calling the service', () => {
    const result = ${n.exportName}.simulate?.(context(), config());
    expect(result?.params).toMatchObject({ ticketId: 't-1', simulated: true });
    expect(service.requests).toHaveLength(0);
  });

  it('registers beside the built-ins', () => {
    expect(createNodeRegistry([...builtinNodes, ${n.exportName}]).get('${n.type}')?.kind).toBe('action');
  });
});
`;
}

function readme(n: NodeNames, packageName: string): string {
  return `# ${packageName}

A Switchyard custom node: \`${n.type}\` (action, calls out).

| | |
|---|---|
| config | \`serviceUrl\` (default \`$${n.urlVariable}\`, else \`http://127.0.0.1:4010\`), \`note\`, \`timeoutMs\` (5000) |
| secret | \`${n.secret}\`: \`SWITCHYARD_SECRET_${n.secret}\` or \`PUT /api/secrets/${n.secret}\` |
| run | \`POST <serviceUrl>/${n.action}\` with the \`idempotency-key\` header; a non-2xx answer or a timeout takes the \`error\` port |
| dry-run | \`simulate\` reports what it would send, without I/O |

Test it: \`pnpm vitest run <this folder>\`. Register it in \`switchyard.config.ts\`
(\`defineConfig({ nodes: [${n.exportName}] })\`), add the package to the root \`package.json\`, run
\`pnpm install\` and restart the server. The whole path is in \`docs/custom-nodes.md\`.
`;
}
