import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateFlowRequest, DryRunRequest, ErrorBody, NewTicket, TicketEvent } from './index';

const here = import.meta.dirname;
const sources = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('@switchyard/api', () => {
  it('stays browser-safe: depends on zod, @switchyard/flow and the pure @switchyard/calendar only, imports nothing of Node', () => {
    const manifest = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@switchyard/calendar', '@switchyard/flow', 'zod']);
    for (const file of sources) {
      const imports = [...readFileSync(join(here, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter(
          (name) =>
            !(
              name === 'zod' ||
              name === '@switchyard/flow' ||
              name === '@switchyard/calendar' ||
              name?.startsWith('./') ||
              name?.startsWith('../')
            ),
        ),
        file,
      ).toEqual([]);
    }
    expect(sources).toContain(join('client', 'create-api-client.ts'));
    // The client reaches the server with `fetch` only: no Node module, no `process`.
    for (const file of sources.filter((f) => f.startsWith('client')))
      expect(readFileSync(join(here, file), 'utf8'), file).not.toMatch(/\bprocess\.|node:/);
  });

  it('parses the bodies the README shows', () => {
    expect(
      NewTicket.parse({ channel: 'chat', subject: '快递三天没动了', body: '订单 DD20260501001', customer: { id: 'C1001' } }),
    ).toMatchObject({ channel: 'chat' });
    expect(TicketEvent.parse({ type: 'customer.message', body: '还没发货吗？' })).toEqual({
      type: 'customer.message',
      body: '还没发货吗？',
    });
    expect(CreateFlowRequest.parse({ name: 'VIP intake' })).toEqual({ name: 'VIP intake' });
    expect(ErrorBody.parse({ error: 'invalid request', details: [{ path: 'customer.id', message: 'required' }] }).error).toBe(
      'invalid request',
    );
  });

  it('takes a version or a document for a dry-run, not both', () => {
    const tickets = [{ id: 't1', channel: 'chat', customer: { id: 'c1' } }];
    expect(DryRunRequest.safeParse({ version: 1, tickets }).success).toBe(true);
    const both = DryRunRequest.safeParse({ version: 1, document: { id: 'f', name: 'f', nodes: [], edges: [] }, tickets });
    expect(both.error?.issues[0]?.path).toEqual(['document']);
  });
});
