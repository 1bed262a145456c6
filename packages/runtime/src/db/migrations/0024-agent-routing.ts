import { type Kysely, sql } from 'kysely';

/**
 * Routing (issue 21): each agent's presence (online, away, offline; `online` stays, kept equal
 * to status = 'online') and capacity (most open tickets), and `agent_loads`: each agent's open
 * tickets and the turn they were last given one (round robin), kept by statement triggers on
 * `tickets` in the transaction that changes the ticket, so routing reads counts instead of
 * counting. Open means not resolved and not closed. Turns come from one sequence; the rows a
 * statement assigns get theirs in agent id order, the order the rows are locked in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agents add column status text not null default 'online' check (status in ('online', 'away', 'offline'))`.execute(db);
  await sql`update agents set status = 'offline' where not online`.execute(db);
  await sql`alter table agents add column capacity integer check (capacity >= 1)`.execute(db);

  await db.schema
    .createTable('agent_loads')
    .addColumn('agent_id', 'text', (c) => c.primaryKey())
    .addColumn('open_tickets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_routed', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create sequence agent_routing_turns owned by agent_loads.last_routed`.execute(db);
  await sql`
    insert into agent_loads (agent_id, open_tickets)
    select assignee, count(*) from tickets where assignee is not null and status not in ('resolved', 'closed') group by assignee`.execute(db);

  // Each statement's rows become per-agent changes, applied in agent id order (the order rows are locked in).
  const apply = (changes: string) => `
    insert into agent_loads as l (agent_id, open_tickets, last_routed)
      select agent, sum(delta), case when bool_or(routed) then nextval('agent_routing_turns') else 0 end
      from (${changes}) as c
      group by agent having sum(delta) <> 0 or bool_or(routed) order by agent
    on conflict (agent_id) do update set
      open_tickets = greatest(0, l.open_tickets + excluded.open_tickets),
      last_routed = greatest(l.last_routed, excluded.last_routed)`;
  const OPEN = `not in ('resolved', 'closed')`;
  const triggers = {
    insert: apply(`select assignee as agent, 1 as delta, true as routed from new_rows where assignee is not null and status ${OPEN}`),
    delete: apply(`select assignee as agent, -1 as delta, false as routed from old_rows where assignee is not null and status ${OPEN}`),
    update: apply(`
      select o.assignee as agent, -1 as delta, false as routed from old_rows o join new_rows n on n.id = o.id
        where o.assignee is not null and o.status ${OPEN} and (o.assignee is distinct from n.assignee or n.status in ('resolved', 'closed'))
      union all
      select n.assignee, 1, o.assignee is distinct from n.assignee from old_rows o join new_rows n on n.id = o.id
        where n.assignee is not null and n.status ${OPEN} and (o.assignee is distinct from n.assignee or o.status in ('resolved', 'closed'))`),
  };
  for (const [event, statement] of Object.entries(triggers)) {
    await sql
      .raw(`create function agent_loads_on_${event}() returns trigger language plpgsql as $$ begin ${statement}; return null; end $$`)
      .execute(db);
    const tables = event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
    await sql
      .raw(`create trigger agent_loads_on_${event} after ${event} on tickets referencing ${tables} for each statement execute function agent_loads_on_${event}()`)
      .execute(db);
  }
}
