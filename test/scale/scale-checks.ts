import type { TestHttpServer } from '@switchyard/nodes/testing';
import type { Database } from '@switchyard/runtime';
import { type Kysely, sql } from 'kysely';
import { ECHO_FLOW, TIMER_FLOW } from './scale-flows';

/** What the scale tests found once everything settled; `problems` lists every broken promise. */
export interface ScaleReport {
  /** Ticket events from outside (ticket.created + customer.message). */
  readonly ticketEvents: number;
  /** effect.done / effect.error events the outbox fed back. */
  readonly effectResults: number;
  readonly outbox: number;
  readonly timersFired: number;
  /** Requests the receiver got, and how many distinct idempotency keys they carried. */
  readonly deliveries: number;
  readonly distinctKeys: number;
  /** Keys received more than once, with how often, and the outbox row's attempts. */
  readonly duplicates: readonly { key: string; received: number; attempts: number }[];
  /** effect.retry audit rows (a delivery that failed or timed out and was tried again). */
  readonly retries: number;
  readonly problems: readonly string[];
}

const RECENT_MESSAGES = 10;

/**
 * Checks the database and the receiver after a run of `rounds` messages per ticket:
 * every event applied once and in order, every effect settled once and received, every
 * timer fired once. Only figures and problems; the caller decides what a duplicate means.
 */
export async function checkScaleRun(
  db: Kysely<Database>,
  receiver: TestHttpServer,
  ticketIds: readonly string[],
  rounds: number,
): Promise<ScaleReport> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 50) problems.push(text);
  };

  // Events: all applied; each outside event audited as applied exactly once, per ticket in id order.
  const events = await db
    .selectFrom('ticket_events')
    .select(['id', 'ticket_id', 'type', 'payload', 'flow_id', 'node_id', 'applied_at'])
    .orderBy('id')
    .execute();
  const unapplied = events.filter((e) => e.applied_at === null).length;
  if (unapplied > 0) problem(`${unapplied} ticket events never applied`);
  const outside = events.filter((e) => e.flow_id === null);
  const { rows: appliedAudit } = await sql<{ ticket_id: string; event_id: string }>`
    select ticket_id, detail->>'eventId' as event_id from audit_entries where kind = 'event.applied' order by row_id, ordinal`.execute(db);
  const timesApplied = new Map<string, number>();
  for (const a of appliedAudit) timesApplied.set(a.event_id, (timesApplied.get(a.event_id) ?? 0) + 1);
  for (const e of outside)
    if (timesApplied.get(e.id) !== 1) problem(`event ${e.id} (${e.type}) audited as applied ${timesApplied.get(e.id) ?? 0} times`);
  if (appliedAudit.length !== outside.length) problem(`${appliedAudit.length} event.applied audit rows for ${outside.length} events`);
  const lastApplied = new Map<string, bigint>();
  for (const a of appliedAudit) {
    const id = BigInt(a.event_id);
    const before = lastApplied.get(a.ticket_id);
    if (before !== undefined && id <= before) problem(`ticket ${a.ticket_id}: event ${a.event_id} applied after event ${before}`);
    lastApplied.set(a.ticket_id, id);
  }
  const expectedBodies = Array.from({ length: rounds }, (_, i) => String(i + 1));
  const bodies = new Map<string, string[]>(ticketIds.map((id) => [id, []]));
  for (const e of outside) if (e.type === 'customer.message') bodies.get(e.ticket_id)?.push((e.payload as { body: string }).body);
  for (const [id, got] of bodies)
    if (got.join(',') !== expectedBodies.join(',')) problem(`ticket ${id}: messages accepted as ${got.join(',')}`);

  // The ticket's own counters saw every message once, the last ones in order.
  const tickets = await db.selectFrom('tickets').select(['id', 'stats']).execute();
  for (const t of tickets) {
    const stats = t.stats as { customerMessages: number; recentMessages: string[] };
    const wanted = expectedBodies.slice(-RECENT_MESSAGES);
    if (stats.customerMessages !== rounds || stats.recentMessages.join(',') !== wanted.join(',')) {
      problem(
        `ticket ${t.id}: stats ${JSON.stringify({ customerMessages: stats.customerMessages, recentMessages: stats.recentMessages })}`,
      );
    }
  }

  // Effects: all done, each result fed back once, each delivery audited once.
  const outbox = await db
    .selectFrom('outbox')
    .select(['idempotency_key', 'status', 'attempts', 'ticket_id', 'flow_id', 'node_id'])
    .execute();
  for (const o of outbox.filter((row) => row.status !== 'done'))
    problem(`effect ${o.idempotency_key} is ${o.status} after ${o.attempts} attempts`);
  const results = events.filter((e) => e.type === 'effect.done' || e.type === 'effect.error');
  if (results.length !== outbox.length) problem(`${results.length} effect results for ${outbox.length} outbox rows`);
  const resultsPerNode = countBy(results, (e) => `${e.ticket_id}/${e.flow_id}/${e.node_id}`);
  for (const [node, n] of countBy(outbox, (o) => `${o.ticket_id}/${o.flow_id}/${o.node_id}`)) {
    if (resultsPerNode.get(node) !== n) problem(`${node}: ${n} effects but ${resultsPerNode.get(node) ?? 0} results fed back`);
  }
  const { rows: delivered } = await sql<{ key: string; n: string }>`
    select detail->>'idempotencyKey' as key, count(*) as n from audit_entries where kind = 'effect.delivered' group by 1`.execute(db);
  const deliveredAudit = new Map(delivered.map((d) => [d.key, Number(d.n)]));
  for (const o of outbox)
    if (o.status === 'done' && deliveredAudit.get(o.idempotency_key) !== 1)
      problem(`effect ${o.idempotency_key} audited as delivered ${deliveredAudit.get(o.idempotency_key) ?? 0} times`);

  // Timers: none fired twice (same ticket, flow, timer and due time); the timer flow's once per ticket;
  // each echo-flow timeout led to one /idle effect.
  const { rows: fired } = await sql<{ ticket_id: string; flow_id: string; timer_id: string; at: Date }>`
    select ticket_id, flow_id, detail->>'timerId' as timer_id, at from audit_entries where kind = 'timer.fired'`.execute(db);
  const firedKeys = countBy(fired, (f) => `${f.ticket_id}/${f.flow_id}/${f.timer_id}/${f.at.toISOString()}`);
  for (const [key, n] of firedKeys) if (n > 1) problem(`timer ${key} fired ${n} times`);
  const timerFlowFired = countBy(
    fired.filter((f) => f.flow_id === TIMER_FLOW),
    (f) => f.ticket_id,
  );
  for (const id of ticketIds)
    if (timerFlowFired.get(id) !== 1) problem(`ticket ${id}: the ${TIMER_FLOW} timer fired ${timerFlowFired.get(id) ?? 0} times`);
  const echoTimeouts = countBy(
    fired.filter((f) => f.flow_id === ECHO_FLOW),
    (f) => f.ticket_id,
  );
  const idles = countBy(
    outbox.filter((o) => o.node_id === 'idle'),
    (o) => o.ticket_id,
  );
  for (const id of ticketIds)
    if ((echoTimeouts.get(id) ?? 0) !== (idles.get(id) ?? 0))
      problem(`ticket ${id}: ${echoTimeouts.get(id) ?? 0} echo timeouts but ${idles.get(id) ?? 0} /idle effects`);

  // The receiver: every key received, nothing it should not have, echoes per ticket in message order.
  const received = new Map<string, number>();
  const echoes = new Map<string, { visit: number; seq: number }[]>();
  for (const request of receiver.requests) {
    const key = String(request.headers['idempotency-key'] ?? '');
    const seen = received.get(key) ?? 0;
    received.set(key, seen + 1);
    if (request.url === '/echo' && seen === 0) {
      // The body template puts {{event.body}} in a JSON body, which renders it as a JSON string ("11"): compare numbers.
      const body = request.body as { ticket: string; seq: string };
      const list = echoes.get(body.ticket) ?? [];
      list.push({ visit: Number(key.split(':').at(-1)), seq: Number(body.seq) });
      echoes.set(body.ticket, list);
    }
  }
  const outboxKeys = new Map(outbox.map((o) => [o.idempotency_key, o]));
  for (const key of outboxKeys.keys()) if (!received.has(key)) problem(`effect ${key} never reached the receiver`);
  for (const key of received.keys()) if (!outboxKeys.has(key)) problem(`the receiver got key ${key}, which no outbox row has`);
  for (const [ticket, list] of echoes) {
    list.sort((a, b) => a.visit - b.visit);
    for (let i = 1; i < list.length; i++)
      if (list[i]!.seq <= list[i - 1]!.seq)
        problem(`ticket ${ticket}: echo ${list[i]!.visit} carries message ${list[i]!.seq} after ${list[i - 1]!.seq}`);
  }
  const duplicates = [...received]
    .filter(([, n]) => n > 1)
    .map(([key, n]) => ({ key, received: n, attempts: outboxKeys.get(key)?.attempts ?? 0 }));

  const { rows: faults } = await sql<{ kind: string; n: string }>`
    select kind, count(*) as n from audit_entries where kind in ('ticket.fault', 'flow.error', 'effect.dead', 'effect.retry') group by kind`.execute(
    db,
  );
  const faultCounts = new Map(faults.map((f) => [f.kind, Number(f.n)]));
  for (const kind of ['ticket.fault', 'flow.error', 'effect.dead'])
    if (faultCounts.has(kind)) problem(`${faultCounts.get(kind)} ${kind} audit rows`);

  // Outcomes: the guardrails' per-version counters, kept by triggers under concurrent workers, agree with the outcome rows they count.
  const { rows: drift } = await sql<{ flow_id: string; version: number; rows: string; counters: string }>`
    select coalesce(r.flow_id, c.flow_id) as flow_id, coalesce(r.version, c.version) as version, r.counts as rows, c.counts as counters
    from (select flow_id, version, concat_ws('/', count(*), count(errored_at), count(escalated_at), count(sla_breached_at)) as counts from ticket_outcomes group by 1, 2) r
    full join (select flow_id, version, concat_ws('/', sum(bound), sum(errored), sum(escalated), sum(sla_breached)) as counts from flow_version_outcomes group by 1, 2 having sum(bound) > 0) c
      on c.flow_id = r.flow_id and c.version = r.version
    where r.counts is distinct from c.counts`.execute(db);
  for (const d of drift)
    problem(
      `flow ${d.flow_id} v${d.version}: outcome rows count ${d.rows ?? 'none'} (bound/errored/escalated/breached), counters say ${d.counters ?? 'none'}`,
    );

  return {
    ticketEvents: outside.length,
    effectResults: results.length,
    outbox: outbox.length,
    timersFired: fired.length,
    deliveries: receiver.requests.length,
    distinctKeys: received.size,
    duplicates,
    retries: faultCounts.get('effect.retry') ?? 0,
    problems,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
