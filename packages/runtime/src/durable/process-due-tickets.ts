import { errorMessage } from '../engine/error-message';
import { type CalendarBook, latestTurn, type Roster, takeTurn } from '@switchyard/nodes';
import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import { isOpenStatus } from '../catalog/list-agents';
import { loadCalendarBook } from '../catalog/calendars';
import { usesBusinessTime } from '../engine/uses-business-time';
import { agentsFromRows, agentsQuery, groupTurnsQuery } from '../catalog/list-agents';
import { groupsFromRows, groupsQuery } from '../catalog/list-groups';
import { sendTogether } from '../db/send-together';
import { isConnectionError } from '../db/connection-error';
import { recordAudit } from '../audit/record-audit';
import { json, type Database } from '../db/schema';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import type { FlowCache } from './flow-cache';
import { completionsQuery } from './record-outcome';
import type { RuntimeContext } from './runtime-context';
import type { RuntimeMetrics } from '../metrics/runtime-metrics';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { statsFromRow, ticketFromRow, ticketsFromRows, ticketsQuery } from './ticket-rows';
import { runTicketWork, type TicketWorkResult, type TicketWork } from './ticket-work';
import { announceAfterCommit, announceCommitted } from './work-channel';

/** How long a ticket whose processing failed for a reason of ours waits before the next try. */
const FAULT_RETRY_MS = 60_000;

/**
 * Claims up to `limit` tickets with due work (`wake_at <= now`, `FOR UPDATE SKIP LOCKED`:
 * a ticket is processed by one worker at a time, others skip it) and processes them in
 * one transaction. Returns how many were processed. When the batch fails, each ticket is
 * retried alone, so one broken ticket cannot hold the others back; when the database went
 * away, no ticket is to blame: the error goes to the worker, which retries after a backoff.
 */
export async function processDueTickets(ctx: RuntimeContext, flows: FlowCache, limit = 16): Promise<number> {
  const now = ctx.clock.now();
  try {
    const done = await ctx.db
      .transaction()
      .execute(async (trx) => processBatch(ctx, trx, flows, await claimDue(trx, now, limit, true), now));
    if (done.works.length === 0) return 0;
    // Counted once committed: a rolled-back batch applied nothing.
    if (ctx.metrics) observeBatch(ctx.metrics, done, ctx.clock.now());
    // The live streams learn of the changes once committed (see announceAfterCommit).
    await announceCommitted(ctx, { work: false, tickets: done.works.map((w) => w.ticket.id) });
    return done.works.length;
  } catch (error) {
    if (limit === 1 || isConnectionError(error)) throw error;
    ctx.logger.warn({ err: error }, 'a batch of tickets failed; processing them one by one');
    let processed = 0;
    for (let i = 0; i < limit; i++) {
      const done = await processDueTickets(ctx, flows, 1).catch(async (single: unknown) => {
        if (isConnectionError(single)) throw single;
        await quarantineNextDue(ctx, now, single);
        return 1;
      });
      if (done === 0) break;
      processed += done;
    }
    return processed;
  }
}

/** The due tickets this transaction takes, locked; `announced`: it announces its changes after commit (in the same round trip). */
async function claimDue(trx: Kysely<Database>, now: Date, limit: number, announced = false): Promise<string[]> {
  const claim = trx.selectFrom('tickets').select('id').where('wake_at', '<=', now).orderBy('wake_at').limit(limit).forUpdate().skipLocked();
  if (!announced) return (await claim.execute()).map((r) => r.id);
  const [, rows] = await sendTogether(trx, (send) => Promise.all([send(announceAfterCommit(trx)), send(claim)]));
  return rows.rows.map((r) => r.id);
}

/** A committed batch: what was loaded and what came of it. */
interface ProcessedBatch {
  readonly works: readonly TicketWork[];
  readonly outcomes: readonly TicketWorkResult[];
}

function observeBatch(metrics: RuntimeMetrics, { works, outcomes }: ProcessedBatch, committed: Date): void {
  const at = committed.getTime();
  metrics.batchSize.observe(works.length);
  for (const work of works)
    for (const event of work.events) {
      const source = event.flow_id === null ? 'ticket' : 'effect';
      metrics.eventsApplied.inc({ source });
      metrics.eventLatency.observe({ source }, Math.max(0, at - event.at.getTime()) / 1000);
    }
  for (const outcome of outcomes)
    for (const due of outcome.firedTimers) {
      metrics.timersFired.inc();
      metrics.timerLateness.observe(Math.max(0, at - due) / 1000);
    }
}

async function processBatch(
  ctx: RuntimeContext,
  trx: Kysely<Database>,
  flows: FlowCache,
  ids: readonly string[],
  now: Date,
): Promise<ProcessedBatch> {
  if (ids.length === 0) return { works: [], outcomes: [] };
  const keys = dataKeys(ctx);
  const { works, roster: loaded } = await loadWork(trx, ids, keys);
  const prepared = await flows.load(
    trx,
    works.flatMap((w) => w.bindings.map((b) => ({ flowId: b.flow_id, version: b.version }))),
  );
  let roster: Roster = loaded;
  // Stored calendars are read only for a batch whose flows count business time.
  const calendars: CalendarBook | undefined = usesBusinessTime(prepared.values()) ? await loadCalendarBook(trx) : undefined;
  const outcomes: TicketWorkResult[] = [];
  for (const work of works) {
    const outcome = await runTicketWork(work, prepared, {
      registry: ctx.registry,
      roster: withoutOwnLoad(roster, work.ticket),
      now,
      keys,
      ...(calendars ? { calendars } : {}),
    });
    roster = withAssignment(roster, work, outcome);
    outcomes.push(outcome);
  }
  await writeWorkResults(trx, outcomes, now);
  return { works, outcomes };
}

/**
 * The roster as assignment for this ticket sees it: the ticket does not count against its
 * own assignee, so choosing again who should hold it does not move it away from whoever
 * holds it just because they do (as in the dry-run, whose roster never counts the ticket).
 */
function withoutOwnLoad(roster: Roster, ticket: TicketWork['ticket']): Roster {
  if (ticket.assignee === null || !isOpenStatus(ticket.status)) return roster;
  return {
    ...roster,
    agents: roster.agents.map((a) => (a.id === ticket.assignee ? { ...a, openTickets: Math.max(0, a.openTickets - 1) } : a)),
  };
}

/**
 * The roster as the next ticket of the batch sees it, as the load triggers will record it when the
 * batch is written: the ticket weighs on its assignee only while worked (new, processing; not
 * pending), and an agent given a ticket it weighs on takes the latest routing turn.
 */
function withAssignment(roster: Roster, work: TicketWork, outcome: TicketWorkResult): Roster {
  const weighsOn = (assignee: string | null, status: string) => (assignee !== null && isOpenStatus(status) ? assignee : null);
  const from = weighsOn(work.ticket.assignee, work.ticket.status);
  const to = weighsOn(outcome.ticket.assignee, outcome.ticket.status);
  const routed = to !== null && work.ticket.assignee !== outcome.ticket.assignee;
  if (from === to && !routed) return roster;
  const turn = latestTurn(roster.agents) + 1;
  return {
    ...roster,
    agents: roster.agents.map((a) => {
      const delta = (a.id === to ? 1 : 0) - (a.id === from ? 1 : 0);
      if (delta === 0 && !(routed && a.id === to)) return a;
      const turned = routed && a.id === to ? takeTurn(a, outcome.ticket.group, turn) : a;
      return { ...turned, openTickets: Math.max(0, a.openTickets + delta) };
    }),
  };
}

/** The claimed tickets' rows, bindings, unapplied events and timers, the run order and the roster: sent together. */
async function loadWork(
  trx: Kysely<Database>,
  ids: readonly string[],
  keys: DataKeyRing,
): Promise<{ works: TicketWork[]; roster: Roster }> {
  const [tickets, bindings, events, timers, positions, groups, agents, turns] = await sendTogether(trx, (send) =>
    Promise.all([
      send(ticketsQuery(trx, ids)),
      send(trx.selectFrom('ticket_flows').selectAll().where('ticket_id', 'in', ids)),
      send(trx.selectFrom('ticket_events').selectAll().where('ticket_id', 'in', ids).where('applied_at', 'is', null).orderBy('id')),
      send(trx.selectFrom('timers').selectAll().where('ticket_id', 'in', ids)),
      send(trx.selectFrom('deployments').select(['flow_id', 'position'])),
      send(groupsQuery(trx)),
      send(agentsQuery(trx)),
      send(groupTurnsQuery(trx)),
    ]),
  );
  const position = new Map(positions.rows.map((p) => [p.flow_id, p.position]));
  const order = (flowId: string) => position.get(flowId) ?? Number.MAX_SAFE_INTEGER;
  const works = ticketsFromRows(tickets.rows, keys).map((row) => ({
    ticket: ticketFromRow(row),
    stats: statsFromRow(row),
    bindings: bindings.rows
      .filter((b) => b.ticket_id === row.id)
      .sort((a, b) => order(a.flow_id) - order(b.flow_id) || (a.flow_id < b.flow_id ? -1 : 1)),
    events: events.rows.filter((e) => e.ticket_id === row.id),
    timers: timers.rows.filter((t) => t.ticket_id === row.id),
  }));
  return { works, roster: { groups: groupsFromRows(groups.rows), agents: agentsFromRows(agents.rows, turns.rows) } };
}

/**
 * Writes a batch's outcomes with one statement per table, whatever the batch size, sent together
 * (one round trip on PostgreSQL), then the audit (which reads what these wrote).
 */
async function writeWorkResults(trx: Kysely<Database>, outcomes: readonly TicketWorkResult[], now: Date): Promise<void> {
  const raw = (query: RawBuilder<unknown>): Compilable<unknown> => ({ compile: () => query.compile(trx) });
  // Events that arrived meanwhile wait on these rows' locks and then pull wake_at back to their time.
  const ticketRows = outcomes.map(
    ({ ticket: t, stats, wakeAt }) =>
      sql`(${t.id}::text, ${t.category}::text, ${t.subcategory}::text, ${t.priority}::text, ${t.status}::text, ${t.group}::text, ${t.assignee}::text, ${json(t.tags)}::jsonb, ${json(t.flags)}::jsonb, ${t.escalationLevel}::int, ${ticketStatsShape.json(stats)}::jsonb, ${wakeAt}::timestamptz)`,
  );
  const writes: Compilable<unknown>[] = [
    raw(sql`
    update tickets as t set category = v.category, subcategory = v.subcategory, priority = v.priority, status = v.status, "group" = v.grp, assignee = v.assignee,
      tags = v.tags, flags = v.flags, escalation_level = v.escalation_level, stats = v.stats, updated_at = ${now}, wake_at = v.wake_at
    from (values ${sql.join(ticketRows)}) as v(id, category, subcategory, priority, status, grp, assignee, tags, flags, escalation_level, stats, wake_at)
    where t.id = v.id`),
  ];
  const flowRows = outcomes.flatMap((o) =>
    o.flows.map((f) => ({
      ticket_id: o.ticket.id,
      flow_id: f.flowId,
      snapshot: f.snapshot === null ? null : flowSnapshotShape.json(f.snapshot),
      visits: flowVisitsShape.json(f.visits),
    })),
  );
  if (flowRows.length > 0)
    writes.push(
      raw(sql`
      update ticket_flows as tf set snapshot = v.snapshot, visits = v.visits, updated_at = ${now}
      from (values ${sql.join(flowRows.map((r) => sql`(${r.ticket_id}::text, ${r.flow_id}::text, ${r.snapshot}::jsonb, ${r.visits}::jsonb)`))}) as v(ticket_id, flow_id, snapshot, visits)
      where tf.ticket_id = v.ticket_id and tf.flow_id = v.flow_id`),
    );
  const timerTickets = outcomes.filter((o) => o.timers !== undefined);
  if (timerTickets.length > 0) {
    // Sent in this order, run in this order: the new timers replace the old.
    writes.push(
      trx.deleteFrom('timers').where(
        'ticket_id',
        'in',
        timerTickets.map((o) => o.ticket.id),
      ),
    );
    const timers = timerTickets.flatMap((o) => o.timers ?? []);
    if (timers.length > 0) writes.push(trx.insertInto('timers').values(timers));
  }
  const outbox = outcomes.flatMap((o) => o.outbox);
  if (outbox.length > 0) writes.push(trx.insertInto('outbox').values(outbox));
  const applied = outcomes.flatMap((o) => o.appliedEventIds);
  if (applied.length > 0) writes.push(trx.updateTable('ticket_events').set({ applied_at: now }).where('id', 'in', applied));
  writes.push(
    completionsQuery(
      trx,
      outcomes.map((o) => o.ticket),
      now,
    ),
  );
  await sendTogether(trx, (send) => Promise.all(writes.map((w) => send(w))));
  // Last: its outcome update takes the per-version counter locks (see outcomesUpdate).
  await recordAudit(
    trx,
    outcomes.flatMap((o) => o.audit),
  );
}

/**
 * A ticket that fails on its own is a fault of ours (a bug, a corrupt snapshot): it is put
 * aside for a minute and audited, so the worker moves on and nothing of it is lost.
 */
async function quarantineNextDue(ctx: RuntimeContext, now: Date, error: unknown): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const [id] = await claimDue(trx, now, 1);
    if (id === undefined) return;
    const message = errorMessage(error);
    ctx.logger.error({ err: error, ticketId: id }, 'ticket processing failed; retrying in a minute');
    await trx
      .updateTable('tickets')
      .set({ wake_at: new Date(now.getTime() + FAULT_RETRY_MS) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { at: now, actor: 'runtime', ticketId: id, flowId: null, kind: 'ticket.fault', detail: { message } });
  });
}
