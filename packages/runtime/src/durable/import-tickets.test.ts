import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { createManualClock } from '../clock';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import { RuntimeInputError } from '../errors';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { importTickets, parseImportLines } from './import-tickets';
import { createWorker } from './worker';

const lines = (...tickets: unknown[]) => tickets.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof RuntimeInputError) return { status: error.status, details: error.details };
    throw error;
  }
  return undefined;
};

describe('parseImportLines', () => {
  it('names every bad line and field, 1-based as an editor counts, and skips blank lines', () => {
    const text = lines({ channel: 'chat', customer: { id: 'c1' } }, '', { channel: 'fax', customer: { id: 'c2' } }, '{"channel": "chat",', {
      channel: 'web',
      customer: {},
      colour: 'red',
    });
    const refused = refusal(() => parseImportLines(text));
    expect(refused).toMatchObject({
      status: 400,
      details: [
        { line: 3, path: 'channel' },
        { line: 4, path: '' },
        { line: 5, path: 'customer.id' },
        { line: 5, path: 'colour', message: 'unknown field' },
      ],
    });
    expect(JSON.stringify(refused?.details)).toContain('this line is not JSON');
    expect(refusal(() => parseImportLines('\n\n'))).toMatchObject({ status: 400 });
    expect(parseImportLines(`${lines({ channel: 'chat', customer: { id: 'c1' } })}\r\n`)).toEqual([
      { line: 1, ticket: { channel: 'chat', subject: '', body: '', customer: { id: 'c1' } } },
    ]);
  });
});

describe.each(testDatabases)('ticket import and batched creation on $name', (target) => {
  const store = useTestDatabase(target);
  const context = () => ({
    db: store.db,
    registry: createNodeRegistry(builtinNodes),
    clock: createManualClock('2026-04-01T08:00:00Z'),
    logger: pino({ level: 'silent' }),
  });

  it('opens every line as POST /api/tickets would, numbered in line order, and the workers take them', async () => {
    const ctx = context();
    const before = await createTicket(ctx, { channel: 'chat', subject: 'first', customer: { id: 'C1', name: '王女士' } }, 'api');
    const answer = await importTickets(
      ctx,
      lines(
        { channel: 'email', subject: '发票', body: '要开票', customer: { id: 'C1', tier: 'vip' } },
        '',
        { channel: 'web', subject: 'refund', customer: { id: 'C2', name: 'Li', contact: 'li@example.com' }, orderId: 'DD1' },
        { channel: 'web', subject: 'again', customer: { id: 'C2', name: 'Li Na' } },
      ),
      'admin',
    );
    expect(answer.imported).toBe(3);
    expect(answer.tickets.map((t) => [t.line, t.number])).toEqual([
      [1, 'GD2026040002'],
      [3, 'GD2026040003'],
      [4, 'GD2026040004'],
    ]);
    expect(before.number).toBe('GD2026040001');
    // C1 keeps the name it had and gains the tier; C2 ends as its last line says, keeping the contact.
    const keys = dataKeys({});
    const customers = await store.db.selectFrom('customers').selectAll().orderBy('id').execute();
    expect(
      customers.map((c) => ({
        id: c.id,
        name: c.name === '' ? '' : keys.open(c.name, CUSTOMER_PURPOSE),
        tier: c.tier,
        contact: c.contact === null ? null : keys.open(c.contact, CUSTOMER_PURPOSE),
      })),
    ).toEqual([
      { id: 'C1', name: '王女士', tier: 'vip', contact: null },
      { id: 'C2', name: 'Li Na', tier: 'standard', contact: 'li@example.com' },
    ]);
    const audit = await store.db.selectFrom('audit_log').select(['ticket_id', 'actor']).where('kind', '=', 'ticket.created').execute();
    expect(audit.filter((a) => a.actor === 'admin').map((a) => a.ticket_id)).toEqual(answer.tickets.map((t) => t.id));
    await createWorker(ctx, { batchSize: 16 }).runUntilIdle();
    const pending = await store.db.selectFrom('ticket_events').select('id').where('applied_at', 'is', null).execute();
    expect(pending).toEqual([]);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('writes nothing when any line is bad', async () => {
    const ctx = context();
    const error = await importTickets(ctx, lines({ channel: 'chat', customer: { id: 'C1' } }, { channel: 'chat' }), 'admin').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuntimeInputError);
    expect(error).toMatchObject({ status: 400, details: [{ line: 2, path: 'customer' }] });
    expect(await store.db.selectFrom('tickets').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('customers').select('id').execute()).toEqual([]);
  });

  it('opens concurrent creations together, each with its own unique number', async () => {
    const ctx = context();
    const opened = await Promise.all(
      Array.from({ length: 40 }, (_, i) => createTicket(ctx, { channel: 'chat', subject: `t${i}`, customer: { id: `C${i % 7}` } }, 'api')),
    );
    expect(new Set(opened.map((o) => o.number)).size).toBe(40);
    expect(new Set(opened.map((o) => o.id)).size).toBe(40);
    const rows = await store.db.selectFrom('tickets').select(['id', 'subject']).execute();
    const subjects = new Map(rows.map((r) => [r.id, r.subject]));
    expect(opened.map((o) => subjects.get(o.id))).toEqual(opened.map((_, i) => `t${i}`));
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });
});
