import { type Kysely, sql } from 'kysely';

/**
 * The console's queues at 10,000 open tickets (issue 18): each ticket keeps its earliest pending
 * timer (`next_due_at`) and whether a flow saw its SLA breached (`sla_breached`), kept by triggers
 * whoever writes the timers and outcomes, so the urgency order (priority, earliest deadline, age)
 * and the overdue view read the row instead of a subquery per ticket, and an index gives the order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('next_due_at', 'timestamptz').execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('sla_breached', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update tickets t set next_due_at = (select min(tm.due_at) from timers tm where tm.ticket_id = t.id)
    where exists (select 1 from timers tm where tm.ticket_id = t.id)`.execute(db);
  await sql`update tickets t set sla_breached = true
    where exists (select 1 from ticket_outcomes o where o.ticket_id = t.id and o.sla_breached_at is not null)`.execute(db);

  // Once per statement over the tickets it touched (the worker deletes and rewrites a batch's timers in two statements).
  await sql`
    create function timers_keep_next_due() returns trigger language plpgsql as $$
    begin
      update tickets t set next_due_at = d.due
      from (select c.ticket_id, (select min(tm.due_at) from timers tm where tm.ticket_id = c.ticket_id) as due
            from (select distinct ticket_id from changed_timers) c) d
      where t.id = d.ticket_id and t.next_due_at is distinct from d.due;
      return null;
    end $$`.execute(db);
  for (const [event, table] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const)
    await sql
      .raw(
        `create trigger timers_keep_next_due_${event} after ${event} on timers
         referencing ${table} table as changed_timers for each statement execute function timers_keep_next_due()`,
      )
      .execute(db);

  await sql`
    create function outcomes_mark_breached() returns trigger language plpgsql as $$
    begin
      update tickets set sla_breached = true where id = new.ticket_id and not sla_breached;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger outcomes_mark_breached after insert or update of sla_breached_at on ticket_outcomes
    for each row when (new.sla_breached_at is not null) execute function outcomes_mark_breached()`.execute(db);

  // The urgency order as an index, for open queues and for every ticket (view=all); the rank is PRIORITY_RANK_SQL.
  const order = sql.raw(
    `((case priority when 'urgent' then 0 when 'high' then 1 else 2 end), (coalesce(next_due_at, 'infinity'::timestamptz)), created_at, id)`,
  );
  await sql`create index tickets_open_by_urgency on tickets ${order} where status not in ('resolved', 'closed')`.execute(db);
  await sql`create index tickets_by_urgency on tickets ${order}`.execute(db);
  await sql`drop index tickets_open_urgency`.execute(db);
}
