import { randomBytes } from 'node:crypto';
import { FlowDocument, type FlowDocumentInput } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, defineNode } from '@switchyard/nodes';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { createTicket } from '../durable/create-ticket';
import { postTicketEvent } from '../durable/post-ticket-event';
import type { RuntimeContext } from '../durable/runtime-context';
import { ticketMessages } from '../durable/ticket-messages';
import { getTicket } from '../durable/ticket-views';
import { createWorker } from '../durable/worker';
import { createSafeLogger } from '../logging/safe-logger';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createDataKeyRing, DataKeyError, isSealed } from './data-key-ring';
import { resealedTotal, resealRows, unsealedRows } from './reseal-rows';

/** Personal data a ticket brings: none rests in clear in the customer's fields, the audit or the log (the conversation keeps what was said). */
const NAME = '王小明';
const PHONE = '13812345678';
const EMAIL = 'wang.xiaoming@example.com';
const ID_NUMBER = '11010519491231002X';
const CARD = '4111111111111111';
const LATER_PHONE = '13987654321';
const SENSITIVE = [NAME, PHONE, EMAIL, ID_NUMBER, CARD, LATER_PHONE];

/** A careless custom node: logs the whole ticket and its texts. */
const chatty = defineNode({
  type: 'test.chatty',
  kind: 'action',
  sideEffect: true,
  title: { en: 'Chatty', 'zh-CN': '话多' },
  config: z.strictObject({}),
  run: (ctx) => {
    ctx.logger.info(`customer ${ctx.ticket.customer.name} (${ctx.ticket.customer.contact ?? ''}) wrote: ${ctx.ticket.body}`, {
      ticket: ctx.ticket,
    });
    return { params: { wrote: ctx.ticket.body } };
  },
});

const greeting: FlowDocumentInput = {
  id: 'greeting',
  name: 'Greeting',
  nodes: [
    { id: 'created', type: 'ticket_created' },
    { id: 'greet', type: 'reply', label: '问候', config: { template: '{{ticket.customer.name}}您好，我们已收到。' } },
    { id: 'log', type: 'test.chatty' },
  ],
  edges: [
    { id: 'e1', source: 'created', target: 'greet' },
    { id: 'e2', source: 'greet', target: 'log' },
  ],
};

const ticketOf = (id: string, contact: string) => ({
  channel: 'chat' as const,
  subject: '快递没到',
  body: `身份证 ${ID_NUMBER}，退款卡号 ${CARD}，订单 DD20260501001`,
  customer: { id, name: NAME, contact },
});

describe.each(testDatabases)('customer data at rest on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  const lines: string[] = [];
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let ctx: RuntimeContext;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = {
      db: store.db,
      registry: createNodeRegistry([...builtinNodes, chatty]),
      clock: createManualClock('2026-05-01T09:00:00+08:00'),
      logger: createSafeLogger('debug', { write: (line: string) => void lines.push(line) }),
      dataKeys: createDataKeyRing(oldKey),
    };
    const { id } = await createFlow(ctx, { name: 'Greeting', document: FlowDocument.parse(greeting) }, 'test');
    await deployVersion(ctx, id, (await publishVersion(ctx, id, 'test')).version, 'test');
  });

  /** Where the customer's own fields rest: the customers table, the customer inside outbox requests, the flows' snapshots. */
  async function customerFields(): Promise<string> {
    const tables = await Promise.all([
      store.db.selectFrom('customers').selectAll().execute(),
      store.db
        .selectFrom(sql<{ customer: unknown }>`(select request->'ticket'->'customer' as customer from outbox)`.as('o'))
        .selectAll()
        .execute(),
      store.db.selectFrom('ticket_flows').select(['snapshot']).execute(),
    ]);
    return JSON.stringify(tables);
  }
  const audit = async () => JSON.stringify(await store.db.selectFrom('audit_log').selectAll().execute());

  it('keeps name, contact, phone, email, ID and card numbers out of the customer columns, the outbox, snapshots, the audit and the log', async () => {
    for (const [i, contact] of [PHONE, EMAIL, `+86 ${PHONE}`].entries()) {
      ids.push((await createTicket(ctx, ticketOf(`C${i}`, contact), 'test')).id);
    }
    await postTicketEvent(ctx, ids[0] ?? '', { type: 'customer.message', body: `改打 ${LATER_PHONE}，邮箱 ${EMAIL}` }, 'test');
    await createWorker(ctx).runUntilIdle();

    const customers = await store.db.selectFrom('customers').selectAll().execute();
    expect(customers).toHaveLength(3);
    for (const customer of customers) expect([customer.name, customer.contact].every((v) => v !== null && isSealed(v))).toBe(true);
    const [fields, audited, log] = [await customerFields(), await audit(), lines.join('\n')];
    expect(log).toContain('138****5678');
    expect(audited).toContain('王**您好');
    for (const value of SENSITIVE) {
      expect(fields.includes(value), `${value} in the customer fields`).toBe(false);
      expect(audited.includes(value), `${value} in the audit`).toBe(false);
      expect(log.includes(value), `${value} in the log`).toBe(false);
    }
  });

  it('reads them back in clear for the flows and the API: templates still render the name', async () => {
    const ticket = await getTicket(store.db, ids[0] ?? '', ctx.dataKeys);
    expect(ticket?.customer).toEqual({ id: 'C0', name: NAME, tier: 'standard', contact: PHONE });
    const conversation = await ticketMessages(store.db, ids[0] ?? '');
    expect(conversation?.map((m) => m.body)).toContain(`${NAME}您好，我们已收到。`);
  });

  it('rotates without downtime: reads work on both keys mid-way, an old server keeps writing, the worker re-seals in small batches', async () => {
    const rotated = { ...ctx, dataKeys: createDataKeyRing(newKey, [oldKey]) };
    const oldServer = ctx;
    // Rows from before encryption, too: a customer in clear.
    await store.db.insertInto('customers').values({ id: 'C-clear', name: '李四', tier: 'standard', contact: LATER_PHONE }).execute();
    expect(await unsealedRows(rotated)).toMatchObject({ customers: 4 });

    expect(resealedTotal(await resealRows(rotated, 1))).toBeGreaterThan(0);
    ids.push((await createTicket(oldServer, ticketOf('C-during', EMAIL), 'test')).id);
    for (const id of ids) expect((await getTicket(store.db, id, rotated.dataKeys))?.customer.name).toBe(NAME);
    await createWorker(rotated).runUntilIdle();
    const delivered = await store.db
      .selectFrom('outbox')
      .select(['status'])
      .where('ticket_id', '=', ids.at(-1) ?? '')
      .execute();
    expect(delivered.map((r) => r.status)).toEqual(['done', 'done']);

    while (resealedTotal(await resealRows(rotated, 2)) > 0);
    expect(await unsealedRows(rotated)).toEqual({ customers: 0, secrets: 0, outbox: 0 });
    const newOnly = createDataKeyRing(newKey);
    for (const id of ids) expect((await getTicket(store.db, id, newOnly))?.customer.name).toBe(NAME);
    const clear = await store.db.selectFrom('customers').selectAll().where('id', '=', 'C-clear').executeTakeFirstOrThrow();
    expect(newOnly.open(clear.contact ?? '', 'customer')).toBe(LATER_PHONE);
    await expect(getTicket(store.db, ids[0] ?? '', createDataKeyRing(oldKey))).rejects.toBeInstanceOf(DataKeyError);
    expect((await customerFields()).includes(LATER_PHONE)).toBe(false);
  });
});
