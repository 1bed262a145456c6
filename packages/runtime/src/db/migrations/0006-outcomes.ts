import { type Kysely, sql } from 'kysely';

/** Counter rows per flow version: a worker's transaction adds to one of them, so concurrent workers rarely wait for each other. */
export const OUTCOME_SHARDS = 16;

/**
 * What happened to each ticket in each flow (issue 14), in typed columns the worker keeps
 * current in the transaction that audits it, and per flow version the counts the rollout
 * guardrails read (kept by triggers, so no writer can forget them): a guardrail check reads
 * a few counter rows instead of scanning the audit history. Existing tickets get their
 * outcomes from that history, as the metrics computed them before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_outcomes')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('errored_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('sla_breached_at', 'timestamptz')
    .addColumn('first_response_at', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .addPrimaryKeyConstraint('ticket_outcomes_pk', ['ticket_id', 'flow_id'])
    .addForeignKeyConstraint('ticket_outcomes_version_fk', ['flow_id', 'version'], 'flow_versions', ['flow_id', 'version'])
    .execute();
  await db.schema.createIndex('ticket_outcomes_version').on('ticket_outcomes').columns(['flow_id', 'version']).execute();

  await db.schema
    .createTable('flow_version_outcomes')
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('shard', 'smallint', (c) => c.notNull())
    .addColumn('bound', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('flow_version_outcomes_pk', ['flow_id', 'version', 'shard'])
    .execute();

  // Statement triggers with transition tables: one upsert per statement and counter row,
  // in key order (two transactions never wait for each other's rows in opposite orders),
  // and none at all for a statement that changes no count (a first response, a resolution).
  const deltas = (rows: string, sign: string) => `
    select flow_id, version, (hashtext(ticket_id) & ${OUTCOME_SHARDS - 1})::smallint as shard, ${sign}1 as bound,
      ${sign}(errored_at is not null)::int as errored, ${sign}(escalated_at is not null)::int as escalated, ${sign}(sla_breached_at is not null)::int as sla_breached
    from ${rows}`;
  const upsert = (source: string) => `
    insert into flow_version_outcomes as c (flow_id, version, shard, bound, errored, escalated, sla_breached)
    select flow_id, version, shard, sum(bound), sum(errored), sum(escalated), sum(sla_breached) from (${source}) d
    group by flow_id, version, shard
    having sum(bound) <> 0 or sum(errored) <> 0 or sum(escalated) <> 0 or sum(sla_breached) <> 0
    order by flow_id, version, shard
    on conflict (flow_id, version, shard) do update set bound = c.bound + excluded.bound, errored = c.errored + excluded.errored,
      escalated = c.escalated + excluded.escalated, sla_breached = c.sla_breached + excluded.sla_breached;`;
  await sql
    .raw(
      `create function ticket_outcomes_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${upsert(deltas('new_rows', ''))}
      elsif tg_op = 'UPDATE' then
        ${upsert(`${deltas('new_rows', '')} union all ${deltas('old_rows', '-')}`)}
      else
        ${upsert(deltas('old_rows', '-'))}
      end if;
      return null;
    end $$`,
    )
    .execute(db);
  await sql`create trigger ticket_outcomes_count_insert after insert on ticket_outcomes referencing new table as new_rows for each statement execute function ticket_outcomes_count()`.execute(
    db,
  );
  await sql`create trigger ticket_outcomes_count_update after update on ticket_outcomes referencing old table as old_rows new table as new_rows for each statement execute function ticket_outcomes_count()`.execute(
    db,
  );
  await sql`create trigger ticket_outcomes_count_delete after delete on ticket_outcomes referencing old table as old_rows for each statement execute function ticket_outcomes_count()`.execute(
    db,
  );

  await backfillOutcomes(db);
}

/**
 * Outcomes of the tickets bound before this migration, from the audit history, exactly as
 * the metrics and guardrails read it then: an error is a flow.error or a dead effect of the
 * flow; an escalation one of its escalate actions; an SLA breach a timer firing in one of
 * its waits for an event (in the version the ticket is bound to); the first response the
 * first message out; the resolution the first done status, set by an action or an event.
 */
export async function backfillOutcomes<DB>(db: Kysely<DB>): Promise<void> {
  const done = sql`('resolved', 'closed')`;
  await sql`
    insert into ticket_outcomes (ticket_id, flow_id, version, started_at, completed_at, errored_at, escalated_at, sla_breached_at, first_response_at, resolved_at)
    select tf.ticket_id, tf.flow_id, tf.version, t.created_at,
      case when t.status in ${done} then t.updated_at end,
      least(
        (select min(a.at) from audit_log a where a.ticket_id = tf.ticket_id and a.flow_id = tf.flow_id and a.kind = 'flow.error'),
        (select min(coalesce(o.done_at, o.created_at)) from outbox o where o.ticket_id = tf.ticket_id and o.flow_id = tf.flow_id and o.status = 'dead')),
      (select min(a.at) from audit_log a where a.ticket_id = tf.ticket_id and a.flow_id = tf.flow_id and a.kind = 'action' and a.detail->>'type' = 'escalate'),
      (select min(a.at) from audit_log a join flow_versions fv on fv.flow_id = tf.flow_id and fv.version = tf.version
        where a.ticket_id = tf.ticket_id and a.flow_id = tf.flow_id and a.kind = 'flow.transition' and a.detail->>'event' like 'xstate.after.%'
          and fv.compiled->'nodes'->(a.detail->>'from')->>'kind' = 'wait' and jsonb_exists(fv.compiled->'machine'->'states'->(a.detail->>'from'), 'on')),
      (select min(m.at) from ticket_messages m where m.ticket_id = tf.ticket_id and m.direction = 'out'),
      (select min(a.at) from audit_log a where a.ticket_id = tf.ticket_id
        and ((a.kind = 'action' and a.detail->>'type' = 'set_status' and a.detail->'params'->>'status' in ${done})
          or (a.kind = 'event.received' and a.detail->'event'->>'type' = 'ticket.status' and a.detail->'event'->>'status' in ${done})))
    from ticket_flows tf join tickets t on t.id = tf.ticket_id
    on conflict (ticket_id, flow_id) do nothing`.execute(db);
}
