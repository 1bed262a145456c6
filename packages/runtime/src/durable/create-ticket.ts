import { EMPTY_STATS } from '@switchyard/nodes';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record-audit';
import { json, type Database } from '../db/schema';
import { ticketEventShape } from '../db/stored/effect-shapes';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import { ticketMonth } from '../dry-run/ticket-number';
import { ensureMonthSequence, forgetMonthSequences, isMissingRelation, nextTicketNumber } from './ticket-number-sequence';
import { NewTicket } from '@switchyard/api';
import type { RuntimeContext } from './runtime-context';
import { announceWork } from './work-channel';
import { parseInput } from '../catalog/invalid-input';
import { bindDeployedFlows } from './bind-deployed-flows';
import { idempotent, type IdempotentAnswer } from './idempotency';
import { ticketCreatedAnswerShape } from '../db/stored/idempotent-answer-shapes';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import { dataKeys } from '../data-keys/runtime-data-keys';

/**
 * Opens a ticket: numbers it, binds it to a deployed version of every flow (for life),
 * and queues its `ticket.created` event, all in one transaction, so a worker sees the
 * ticket only once all of it exists.
 * @example const { id, number } = await createTicket(ctx, { channel: 'chat', subject: '物流', body: '', customer: { id: 'c1' } }, 'api');
 */
export async function createTicket(ctx: RuntimeContext, input: NewTicket, actor: string): Promise<{ id: string; number: string }> {
  return (await createTicketOnce(ctx, input, actor, undefined)).body;
}

/**
 * `createTicket` at most once per `Idempotency-Key` (24 h): a retry with the key and the same
 * ticket answers the first answer (`replayed`) and opens nothing; with another ticket, a 422.
 * Without a key it is `createTicket`.
 * @example const { body, replayed } = await createTicketOnce(ctx, ticket, 'api', '5f0c6c1e-8f5e-4d7c-9a44-2b8f1f0f6a11');
 */
export async function createTicketOnce(
  ctx: RuntimeContext,
  input: NewTicket,
  actor: string,
  idempotencyKey: string | undefined,
): Promise<IdempotentAnswer<{ id: string; number: string }>> {
  const ticket = parseInput(NewTicket, input);
  const now = ctx.clock.now();
  const id = randomUUID();
  const claim = { scope: 'POST /api/tickets', key: idempotencyKey, request: ticket, now };
  const month = ticketMonth(now);
  await ensureMonthSequence(ctx.db, month);
  const create = () => ctx.db.transaction().execute((trx) => idempotent(trx, ticketCreatedAnswerShape, claim, 201, () => open(trx)));
  const answer = await create().catch(async (error: unknown) => {
    // The month's sequence went away under this process's memory of it (a schema made again): make it, try once more.
    if (!isMissingRelation(error)) throw error;
    forgetMonthSequences(ctx.db);
    await ensureMonthSequence(ctx.db, month);
    return create();
  });
  if (!answer.replayed) ctx.metrics?.ticketsCreated.inc({ via: 'api' });
  return answer;

  async function open(trx: Kysely<Database>): Promise<{ id: string; number: string }> {
    const { customer } = ticket;
    // Name and contact are sealed at rest: the table never holds them in clear.
    const keys = dataKeys(ctx);
    const name = customer.name === undefined ? undefined : keys.seal(customer.name, CUSTOMER_PURPOSE);
    const contact = customer.contact === undefined ? undefined : keys.seal(customer.contact, CUSTOMER_PURPOSE);
    await trx
      .insertInto('customers')
      .values({ id: customer.id, name: name ?? '', tier: customer.tier ?? 'standard', contact: contact ?? null })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          // A channel that knows less about the customer does not erase what is known.
          name: name === undefined ? eb.ref('customers.name') : eb.val(name),
          tier: customer.tier === undefined ? eb.ref('customers.tier') : eb.val(customer.tier),
          contact: contact === undefined ? eb.ref('customers.contact') : eb.val(contact),
        })),
      )
      .execute();
    const number = await nextTicketNumber(trx, month);
    await trx
      .insertInto('tickets')
      .values({
        id,
        number,
        channel: ticket.channel,
        subject: ticket.subject,
        body: ticket.body,
        customer_id: customer.id,
        order_id: ticket.orderId ?? null,
        category: null,
        priority: 'normal',
        status: 'new',
        group: null,
        assignee: null,
        tags: json([]),
        flags: json([]),
        escalation_level: 0,
        stats: ticketStatsShape.json(EMPTY_STATS),
        created_at: now,
        updated_at: now,
        wake_at: now,
      })
      .execute();
    const bindings = (await bindDeployedFlows(trx, [id], now)).get(id) ?? [];
    const opening = [ticket.subject, ticket.body].filter((text) => text !== '').join('\n');
    await trx
      .insertInto('ticket_messages')
      .values({
        ticket_id: id,
        direction: 'in',
        author: customer.id,
        via: ticket.channel,
        recipient: null,
        body: opening,
        language: null,
        idempotency_key: null,
        at: now,
      })
      .execute();
    await trx
      .insertInto('ticket_events')
      .values({
        ticket_id: id,
        type: 'ticket.created',
        payload: ticketEventShape.json({ type: 'ticket.created' }),
        flow_id: null,
        node_id: null,
        at: now,
        applied_at: null,
      })
      .execute();
    await recordAudit(trx, {
      at: now,
      actor,
      ticketId: id,
      flowId: null,
      kind: 'ticket.created',
      detail: { number, channel: ticket.channel, flows: bindings },
    });
    await announceWork(trx);
    return { id, number };
  }
}
