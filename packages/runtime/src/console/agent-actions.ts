import type { ActionDone, StepIn } from '@switchyard/api';
import type { AgentAction } from '@switchyard/flow';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record-audit';
import type { AuditOf } from '../audit/audit-entry';
import type { Database } from '../db/schema';
import { announceWork, wakeTicket } from '../durable/work-channel';
import { NotFoundError, RuntimeInputError } from '../errors';
import type { RuntimeContext } from '../durable/runtime-context';
import { notify, type NotificationInput } from './user-notifications';
import { queueTicketEvent } from '../durable/queue-ticket-event';

/** Who acts: the audit name, the user and the roster agent they work as. */
export interface ActingPerson {
  readonly actor: string;
  readonly userId: string;
  readonly agentId: string | null;
}

type Assignment = AuditOf<'agent.action'>['detail']['from'];
type ActionDetail = AuditOf<'agent.action'>['detail'];

/** An action's change: the new assignment, the note, and whom to tell. */
interface Change {
  readonly to: Assignment;
  readonly detail?: Omit<ActionDetail, 'action' | 'from' | 'to'>;
  readonly message?: { readonly body: string; readonly recipient: string | null };
  readonly notices?: readonly NotificationInput[];
}

/**
 * Applies one agent action to a ticket in one transaction: locks the row, computes the change
 * from the assignment it finds, writes it (and `touched_at`), the internal note if any, the
 * notices, an `agent.action` audit entry under the person's name, and the `agent.action`
 * ticket event the flows get (the worker is woken once this commits).
 */
async function act(
  ctx: RuntimeContext,
  ticketId: string,
  person: ActingPerson,
  action: ActionDetail['action'],
  change: (from: Assignment, trx: Kysely<Database>) => Promise<Change> | Change,
): Promise<ActionDone> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('tickets')
      .select(['group', 'assignee', 'escalation_level'])
      .where('id', '=', ticketId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('ticket', ticketId);
    const from: Assignment = { group: row.group, assignee: row.assignee, level: row.escalation_level };
    const { to, detail, message, notices } = await change(from, trx);
    await trx
      .updateTable('tickets')
      .set({ group: to.group, assignee: to.assignee, escalation_level: to.level, touched_at: now, updated_at: now })
      .where('id', '=', ticketId)
      .execute();
    if (message) {
      await trx
        .insertInto('ticket_messages')
        .values({
          ticket_id: ticketId,
          direction: 'team',
          author: person.agentId ?? person.actor,
          via: 'note',
          recipient: message.recipient,
          body: message.body,
          language: null,
          idempotency_key: null,
          at: now,
        })
        .execute();
    }
    for (const notice of notices ?? []) await notify(trx, { ...notice, ticketId, by: person.actor, at: now });
    await recordAudit(trx, {
      at: now,
      actor: person.actor,
      ticketId,
      flowId: null,
      kind: 'agent.action',
      detail: { action, from, to, ...detail },
    });
    const event: AgentAction = {
      type: 'agent.action',
      action,
      by: person.actor,
      agentId: person.agentId,
      group: to.group,
      assignee: to.assignee,
      escalationLevel: to.level,
      note: detail?.note ?? detail?.cause ?? '',
      mentions: detail?.mentions ?? [],
    };
    await wakeTicket(trx, ticketId, now);
    const id = await queueTicketEvent(trx, ticketId, event, now);
    await announceWork(trx);
    return { ticketId, group: to.group, assignee: to.assignee, escalationLevel: to.level, eventId: id };
  });
}

const needsAgent = (person: ActingPerson): string => {
  if (person.agentId !== null) return person.agentId;
  throw new RuntimeInputError('you work as no roster agent, so no ticket can be yours (您未关联坐席)', 400, [
    { path: 'agentId', message: 'the signed-in user has no agent' },
  ]);
};

/** The caller takes the ticket: it is assigned to their agent; a previous assignee is told. */
export function takeTicket(ctx: RuntimeContext, ticketId: string, person: ActingPerson): Promise<ActionDone> {
  return act(ctx, ticketId, person, 'take', (from) => {
    const agent = needsAgent(person);
    const notices: NotificationInput[] =
      from.assignee !== null && from.assignee !== agent
        ? [{ to: { kind: 'agent', id: from.assignee }, kind: 'transfer.out', message: taken(agent) }]
        : [];
    return { to: { ...from, assignee: agent }, notices };
  });
}

/** The ticket goes back to its group's queue (no assignee). */
export function releaseTicket(ctx: RuntimeContext, ticketId: string, person: ActingPerson): Promise<ActionDone> {
  return act(ctx, ticketId, person, 'release', (from) => ({ to: { ...from, assignee: null } }));
}

/** To another group with a hand-over note: the group is notified with the note, the previous assignee that it succeeded. */
export function transferTicket(
  ctx: RuntimeContext,
  ticketId: string,
  person: ActingPerson,
  group: string,
  note: string,
): Promise<ActionDone> {
  return act(ctx, ticketId, person, 'transfer', async (from, trx) => {
    const known = await trx.selectFrom('groups').select('id').where('id', '=', group).executeTakeFirst();
    if (!known)
      throw new RuntimeInputError(`group ${group} not found (没有这个组)`, 400, [{ path: 'group', message: `no group ${group}` }]);
    const notices: NotificationInput[] = [
      { to: { kind: 'group', id: group }, kind: 'transfer.in', message: transferredIn(from.group, note) },
    ];
    if (from.assignee !== null)
      notices.push({ to: { kind: 'agent', id: from.assignee }, kind: 'transfer.out', message: transferredOut(group) });
    return {
      to: { ...from, group, assignee: null },
      detail: { note },
      notices,
      message: note ? { body: note, recipient: `group:${group}` } : undefined,
    };
  });
}

/** An internal note (never sent to the customer); every mentioned agent is notified. */
export function addNote(
  ctx: RuntimeContext,
  ticketId: string,
  person: ActingPerson,
  body: string,
  mentions: readonly string[],
): Promise<ActionDone> {
  return act(ctx, ticketId, person, 'note', async (from, trx) => {
    const unique = [...new Set(mentions)];
    if (unique.length > 0) {
      const found = new Set((await trx.selectFrom('agents').select('id').where('id', 'in', unique).execute()).map((a) => a.id));
      const missing = unique.find((m) => !found.has(m));
      if (missing !== undefined)
        throw new RuntimeInputError(`agent ${missing} not found (没有这个坐席)`, 400, [
          { path: 'mentions', message: `no agent ${missing}` },
        ]);
    }
    return {
      to: from,
      detail: { note: body, mentions: unique },
      message: { body, recipient: null },
      notices: unique.map((id) => ({ to: { kind: 'agent' as const, id }, kind: 'mention' as const, message: mentioned(body) })),
    };
  });
}

/** One escalation level up (or to `level`), with the reason as an internal note; the group is told. */
export function escalateTicket(
  ctx: RuntimeContext,
  ticketId: string,
  person: ActingPerson,
  level: number | undefined,
  note: string,
): Promise<ActionDone> {
  return act(ctx, ticketId, person, 'escalate', (from) => {
    const to = { ...from, level: Math.max(level ?? from.level + 1, from.level) };
    return {
      to,
      detail: { note },
      message: { body: note || `escalated to level ${to.level} 升级至 ${to.level} 级`, recipient: null },
      notices:
        from.group === null ? [] : [{ to: { kind: 'group', id: from.group }, kind: 'escalated', message: escalated(to.level, note) }],
    };
  });
}

/** A supervisor steps into an abnormal ticket: takes it (when they work as an agent) and records cause and resolution. */
export async function stepIn(
  ctx: RuntimeContext,
  ticketId: string,
  person: ActingPerson,
  cause: string,
  resolution: string,
): Promise<StepIn> {
  const at = ctx.clock.now();
  await act(ctx, ticketId, person, 'step-in', async (from, trx) => {
    const row = await trx.selectFrom('tickets').select('abnormal_at').where('id', '=', ticketId).executeTakeFirstOrThrow();
    if (row.abnormal_at === null)
      throw new RuntimeInputError('the ticket is neither flagged abnormal nor escalated (不是异常工单)', 409, [
        { path: 'ticket', message: 'not abnormal' },
      ]);
    await trx.insertInto('step_ins').values({ ticket_id: ticketId, by_user: person.actor, at, cause, resolution }).execute();
    return {
      to: { ...from, assignee: person.agentId ?? from.assignee },
      detail: { cause, resolution },
      message: { body: `介入 Stepped in. 原因 Cause: ${cause}\n处理 Resolution: ${resolution}`, recipient: null },
    };
  });
  return { ticketId, by: person.actor, at: at.toISOString(), cause, resolution };
}

const taken = (agent: string) => ({ en: `${agent} took over this ticket`, 'zh-CN': `${agent} 接手了此工单` });
const transferredIn = (from: string | null, note: string) => ({
  en: `Transferred to your group${from ? ` from ${from}` : ''}${note ? `: ${note}` : ''}`,
  'zh-CN': `工单已转入本组${from ? `（来自 ${from}）` : ''}${note ? `：${note}` : ''}`,
});
const transferredOut = (group: string) => ({ en: `Transfer to ${group} succeeded`, 'zh-CN': `已成功转至 ${group}` });
const mentioned = (body: string) => ({ en: `You were mentioned: ${body}`, 'zh-CN': `有人提到了您：${body}` });
const escalated = (level: number, note: string) => ({
  en: `Escalated to level ${level}${note ? `: ${note}` : ''}`,
  'zh-CN': `已升级至 ${level} 级${note ? `：${note}` : ''}`,
});

/** An agent acted on the ticket outside these actions (a reply through the events route): it is no longer at risk. */
export async function touchTicket(ctx: RuntimeContext, ticketId: string): Promise<void> {
  await ctx.db.updateTable('tickets').set({ touched_at: ctx.clock.now() }).where('id', '=', ticketId).execute();
}
