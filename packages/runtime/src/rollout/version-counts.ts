import type { CompiledFlow } from '@switchyard/compiler';
import { type Kysely, sql } from 'kysely';
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
 */
export async function versionCounts(db: Kysely<Database>, flowId: string, versions?: readonly number[]): Promise<VersionCounts[]> {
  if (versions?.length === 0) return [];
  const only = versions ? sql`and tf.version in (${sql.join(versions)})` : sql``;
  const { rows } = await sql<{ version: number; bound: number; completed: number; errors: number; escalations: number }>`
    select tf.version,
      count(*)::int as bound,
      (count(*) filter (where t.status in (${sql.join(DONE_STATUSES)})))::int as completed,
      (count(*) filter (where exists (select 1 from outbox o where o.ticket_id = tf.ticket_id and o.flow_id = tf.flow_id and o.status = 'dead')
        or exists (select 1 from audit_log a where a.ticket_id = tf.ticket_id and a.flow_id = tf.flow_id and a.kind = 'flow.error')))::int as errors,
      (count(*) filter (where exists (select 1 from audit_log a where a.ticket_id = tf.ticket_id and a.flow_id = tf.flow_id
        and a.kind = 'action' and a.detail->>'type' = 'escalate')))::int as escalations
    from ticket_flows tf join tickets t on t.id = tf.ticket_id
    where tf.flow_id = ${flowId} ${only}
    group by tf.version
    order by tf.version`.execute(db);
  const breaches = await slaBreaches(db, flowId, rows.map((r) => r.version));
  return rows.map((r) => ({ ...r, slaBreaches: breaches.get(r.version) ?? 0 }));
}

/** Tickets per version where a deadline wait of that version timed out. */
async function slaBreaches(db: Kysely<Database>, flowId: string, versions: readonly number[]): Promise<Map<number, number>> {
  if (versions.length === 0) return new Map();
  const compiled = await db.selectFrom('flow_versions').select(['version', 'compiled']).where('flow_id', '=', flowId).where('version', 'in', versions).execute();
  const deadlines = compiled.flatMap((row) => deadlineStates(row.compiled as CompiledFlow).map((state) => sql`(${row.version}::int, ${state}::text)`));
  if (deadlines.length === 0) return new Map();
  const { rows } = await sql<{ version: number; tickets: number }>`
    select tf.version, count(distinct a.ticket_id)::int as tickets
    from audit_log a
    join ticket_flows tf on tf.ticket_id = a.ticket_id and tf.flow_id = a.flow_id
    join (values ${sql.join(deadlines)}) as d(version, state) on d.version = tf.version and d.state = a.detail->>'from'
    where a.flow_id = ${flowId} and a.kind = 'flow.transition' and a.detail->>'event' like 'xstate.after.%'
    group by tf.version`.execute(db);
  return new Map(rows.map((r) => [r.version, r.tickets]));
}

/** States that wait for an event with a timeout: a timer firing there is a missed deadline (a plain delay is not). */
function deadlineStates(compiled: CompiledFlow): string[] {
  const states = (compiled.machine as { states?: Record<string, { on?: object }> }).states ?? {};
  return Object.entries(states)
    .filter(([id, state]) => compiled.nodes[id]?.kind === 'wait' && state.on !== undefined)
    .map(([id]) => id);
}
