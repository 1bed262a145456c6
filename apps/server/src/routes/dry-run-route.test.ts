import { seedExamples, testing, type SwitchyardDatabase } from '@switchyard/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type TestApp, testApp } from '../__fixtures__/test-app';
import { anyString, anyArray, matching } from '../__fixtures__/matchers';

const refund = { id: 't1', channel: 'chat', subject: '我要退货', body: '鞋子尺码不对，申请退货', customer: { id: 'c1', tier: 'vip' } };
const logistics = { id: 't2', channel: 'web', subject: '物流查询', body: '我的快递 DD20260101 到哪了', customer: { id: 'c2' }, events: [{ at: '+5m', type: 'agent.reply', agentId: 'li-na', body: '您好' }] };

describe.each(testing.testDatabases)('the dry-run route on $name', ({ open }) => {
  let store: SwitchyardDatabase;
  let t: TestApp;
  beforeAll(async () => {
    store = await open();
    t = testApp(store);
    await seedExamples(t.ctx, EXAMPLES_DIR);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('answers the dry-run contract, one object per ticket, the flow among the deployed ones', async () => {
    const { status, body } = await t.call('POST', '/api/flows/after-sales-routing/dry-run', { version: 1, tickets: [refund, logistics] });
    expect(status).toBe(200);
    const results = body as { ticketId: string; path: string[]; actions: { at: string; flow: string; type: string }[]; final: Record<string, unknown>; errors: unknown[]; paths: Record<string, string[]> }[];
    expect(results.map((r) => r.ticketId)).toEqual(['t1', 't2']);
    expect(results[0]).toMatchObject({ final: { category: 'after_sales', group: 'after_sales', assignee: anyString, status: 'new' }, errors: [] });
    expect(results[0]!.actions).toContainEqual(expect.objectContaining({ flow: 'after-sales-routing', type: 'assign', at: matching(/^2026-01-05T01:00:00/) }));
    expect(results[1]!.final.category).toBe('logistics');
    expect(Object.keys(results[0]!.paths)).toContain('intake-classify');
  });

  it('runs an unsaved document alone with a posted roster, and writes nothing', async () => {
    const flow = (await t.call('GET', '/api/flows/after-sales-routing/versions/1')).body as { document: object };
    const audit = await store.db.selectFrom('audit_log').select('id').execute();
    const roster = { groups: [{ id: 'after_sales', name: 'After-sales' }], agents: [{ id: 'solo', name: 'Solo', groups: ['after_sales'], skills: ['returns'], seniority: 'senior' }] };
    const alone = await t.call('POST', '/api/flows/after-sales-routing/dry-run', { document: flow.document, tickets: [{ ...refund, category: 'after_sales' }], agents: roster, others: 'none' });
    expect(alone).toMatchObject({ status: 200, body: [{ final: { assignee: 'solo' }, paths: { 'after-sales-routing': anyArray } }] });
    expect(Object.keys((alone.body as [{ paths: object }])[0].paths)).toEqual(['after-sales-routing']);
    expect(await store.db.selectFrom('audit_log').select('id').execute()).toEqual(audit);
  });

  it('names the bad field of a ticket, refuses an invalid document with 422, and 404s unknown flows and versions', async () => {
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { tickets: [refund, { ...refund, id: 't9', channel: 'fax' }] })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'tickets.1.channel' }] },
    });
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { tickets: [{ ...refund, events: [{ at: 'soon', type: 'customer.message', body: 'x' }] }] })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'tickets.0.events.0.at' }] },
    });
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { tickets: [] })).toMatchObject({ status: 400, body: { details: [{ path: 'tickets' }] } });
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { version: 1, document: { id: 'after-sales-routing', name: 'x', nodes: [], edges: [] }, tickets: [refund] })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'document' }] },
    });
    const invalid = { id: 'after-sales-routing', name: 'x', nodes: [{ id: 'a', type: 'ticket_created' }, { id: 'b', type: 'no_such_node' }], edges: [{ id: 'e', source: 'a', target: 'b' }] };
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { document: invalid, tickets: [refund] })).toMatchObject({
      status: 422,
      body: { details: [{ code: 'unknown_node_type', nodeId: 'b' }] },
    });
    expect(await t.call('POST', '/api/flows/nope/dry-run', { tickets: [refund] })).toMatchObject({ status: 404 });
    expect(await t.call('POST', '/api/flows/after-sales-routing/dry-run', { version: 5, tickets: [refund] })).toMatchObject({ status: 404 });
  });
});
