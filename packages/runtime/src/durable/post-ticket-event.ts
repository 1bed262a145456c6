import { TicketEvent } from '@switchyard/flow';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { parseInput } from '../catalog/invalid-input';
import { recordAudit } from '../audit/record-audit';
import { NotFoundError, RuntimeInputError } from '../errors';
import { recordFirstResponse } from './record-outcome';
import type { RuntimeContext } from './runtime-context';
import { announceAfterCommit, announceCommitted, wakeTicketQuery } from './work-channel';
import { sendTogether } from '../db/send-together';
import { idempotent, type IdempotentAnswer } from './idempotency';
import { eventAcceptedAnswerShape } from '../db/stored/idempotent-answer-shapes';
import { queueTicketEvent } from './queue-ticket-event';

/**
 * Queues a ticket event (a customer message, an agent reply, a status change, a survey
 * answer). The ticket's row is updated first: that lock orders concurrent events of one
 * ticket, so ids follow the order of acceptance, and wakes a worker once this commits.
 * @example await postTicketEvent(ctx, id, { type: 'customer.message', body: '还没发货吗？' }, 'api');
 */
export async function postTicketEvent(ctx: RuntimeContext, ticketId: string, input: unknown, actor: string): Promise<{ eventId: string }> {
  return (await postTicketEventOnce(ctx, ticketId, input, actor, undefined)).body;
}

/**
 * `postTicketEvent` at most once per `Idempotency-Key` and ticket (24 h): a retry with the key
 * and the same event answers the first answer (`replayed`) and queues nothing; with another
 * event, a 422. Without a key it is `postTicketEvent`.
 * @example const { body, replayed } = await postTicketEventOnce(ctx, id, { type: 'customer.message', body: '在吗' }, 'api', key);
 */
export async function postTicketEventOnce(
  ctx: RuntimeContext,
  ticketId: string,
  input: unknown,
  actor: string,
  idempotencyKey: string | undefined,
  /** `approvals`: a decision from `decideApproval`, the one way an `approval.decided` event is queued. */
  via: 'api' | 'approvals' = 'api',
  /** Written in the event's transaction (an approval's decision record). */
  alsoWrite?: (trx: Kysely<Database>) => Promise<unknown>,
): Promise<IdempotentAnswer<{ eventId: string }>> {
  const event = parseInput(TicketEvent, input);
  if (event.type === 'approval.decided' && via !== 'approvals')
    throw new RuntimeInputError('approval.decided is sent by POST /api/approvals/{id}, which checks who may decide', 400, [
      { path: 'type', message: 'approval.decided cannot be posted as a ticket event' },
    ]);
  if (event.type === 'ticket.created')
    throw new RuntimeInputError('ticket.created is sent by the server when a ticket is opened', 400, [
      { path: 'type', message: 'ticket.created cannot be posted' },
    ]);
  if (event.type === 'agent.action')
    throw new RuntimeInputError(
      'agent.action is sent by the server when an agent acts through /take, /release, /transfer, /notes, /escalate or /step-in',
      400,
      [{ path: 'type', message: 'agent.action cannot be posted' }],
    );
  const now = ctx.clock.now();
  const claim = { scope: `POST /api/tickets/{id}/events ${ticketId}`, key: idempotencyKey, request: event, now };
  const answer = await ctx.db.transaction().execute((trx) => idempotent(trx, eventAcceptedAnswerShape, claim, 202, () => queue(trx)));
  // Announced once committed, not inside the transaction (see announceAfterCommit).
  if (!answer.replayed) await announceCommitted(ctx, { work: true, tickets: [ticketId] });
  return answer;

  async function queue(trx: Kysely<Database>): Promise<{ eventId: string }> {
    const [, wake] = await sendTogether(trx, (send) =>
      Promise.all([send(announceAfterCommit(trx)), send(wakeTicketQuery(trx, ticketId, now))]),
    );
    const woken = wake.rows[0];
    if (!woken) throw new NotFoundError('ticket', ticketId);
    if (event.type === 'customer.message' || event.type === 'agent.reply') {
      const fromCustomer = event.type === 'customer.message';
      await trx
        .insertInto('ticket_messages')
        .values({
          ticket_id: ticketId,
          direction: fromCustomer ? 'in' : 'out',
          author: fromCustomer ? woken.customer_id : event.agentId,
          via: woken.channel,
          recipient: null,
          body: event.body,
          language: null,
          idempotency_key: null,
          at: now,
        })
        .execute();
    }
    const id = await queueTicketEvent(trx, ticketId, event, now);
    if (alsoWrite) await alsoWrite(trx);
    if (event.type === 'agent.reply') await recordFirstResponse(trx, ticketId, now);
    await recordAudit(trx, { at: now, actor, ticketId, flowId: null, kind: 'event.received', detail: { eventId: id, event } });
    return { eventId: id };
  }
}
