import type { CompiledFlow } from '@switchyard/compiler';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';

/** Per version: tickets bound, and how many of them were completed, errored, breached a deadline, escalated. */
export interface VersionCounts {
  readonly version: number;
  readonly bound: number;
  readonly completed: number;
  readonly errors: number;
  readonly slaBreaches: number;
  readonly escalations: number;
}

/** Statuses that end a ticket's service: completed, and the end of its resolution time. */
export const DONE_STATUSES = ['resolved', 'closed'] as const;

/**
 * Counts outcomes per version of a flow over the tickets bound to it. An error is a
 * dead-lettered effect or a run stopped on an error of this flow; an SLA breach is a
 * timeout of one of this version's waits for an event (a deadline passed without it);
 * an escalation is one of this flow's `escalate` actions.
 *
 * Each source is read once with its own index and the counting is done here: joined in
 * SQL, a planner without fresh statistics (new tables, a burst of tickets) probes one
 * side per row of the other, and the cost grows with the square of the tickets.
 */
export async function versionCounts(db: Kysely<Database>, flowId: string, versions?: readonly number[]): Promise<VersionCounts[]> {
  if (versions?.length === 0) return [];
  let bound = db
    .selectFrom('ticket_flows as tf')
    .innerJoin('tickets as t', 't.id', 'tf.ticket_id')
    .select(['tf.ticket_id', 'tf.version', 't.status'])
    .where('tf.flow_id', '=', flowId);
  if (versions) bound = bound.where('tf.version', 'in', versions);
  const [tickets, flagged, dead, timeouts, compiled] = await Promise.all([
    bound.execute(),
    sql<{ ticket_id: string; errored: boolean; escalated: boolean }>`
      select ticket_id, bool_or(kind = 'flow.error') as errored, bool_or(kind = 'action' and detail->>'type' = 'escalate') as escalated
      from audit_log where flow_id = ${flowId} and kind in ('flow.error', 'action')
      group by ticket_id`.execute(db),
    db.selectFrom('outbox').select('ticket_id').distinct().where('flow_id', '=', flowId).where('status', '=', 'dead').execute(),
    sql<{ ticket_id: string; state: string }>`
      select distinct ticket_id, detail->>'from' as state
      from audit_log where flow_id = ${flowId} and kind = 'flow.transition' and detail->>'event' like 'xstate.after.%'`.execute(db),
    db.selectFrom('flow_versions').select(['version', 'compiled']).where('flow_id', '=', flowId).execute(),
  ]);
  const flags = new Map(flagged.rows.map((r) => [r.ticket_id, r]));
  const deadTickets = new Set(dead.map((r) => r.ticket_id));
  const deadlines = new Map(compiled.map((row) => [row.version, new Set(deadlineStates(row.compiled as CompiledFlow))]));
  const versionOf = new Map(tickets.map((t) => [t.ticket_id, t.version]));
  const breached = new Set(timeouts.rows.filter((r) => deadlines.get(versionOf.get(r.ticket_id) ?? -1)?.has(r.state)).map((r) => r.ticket_id));

  const counts = new Map<number, { version: number; bound: number; completed: number; errors: number; slaBreaches: number; escalations: number }>();
  for (const t of tickets) {
    const c = counts.get(t.version) ?? { version: t.version, bound: 0, completed: 0, errors: 0, slaBreaches: 0, escalations: 0 };
    const flag = flags.get(t.ticket_id);
    c.bound++;
    if ((DONE_STATUSES as readonly string[]).includes(t.status)) c.completed++;
    if (flag?.errored || deadTickets.has(t.ticket_id)) c.errors++;
    if (breached.has(t.ticket_id)) c.slaBreaches++;
    if (flag?.escalated) c.escalations++;
    counts.set(t.version, c);
  }
  return [...counts.values()].sort((a, b) => a.version - b.version);
}

/** States that wait for an event with a timeout: a timer firing there is a missed deadline (a plain delay is not). */
function deadlineStates(compiled: CompiledFlow): string[] {
  const states = (compiled.machine as { states?: Record<string, { on?: object }> }).states ?? {};
  return Object.entries(states)
    .filter(([id, state]) => compiled.nodes[id]?.kind === 'wait' && state.on !== undefined)
    .map(([id]) => id);
}
