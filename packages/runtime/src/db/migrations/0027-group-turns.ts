import { type Kysely, sql } from 'kysely';

/**
 * Round robin rotates within a group (issue 21): `agent_group_turns` keeps the turn each agent was
 * last given a ticket of each group, so an agent of two groups has a turn in each, and a ticket of
 * one group does not move the agent to the back of the other's queue. Kept by statement triggers on
 * `tickets` beside the loads' (migration 0026's rule: a turn is taken when a ticket is given to an
 * agent while worked), with turns from the same sequence; the rows in agent and group order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_group_turns')
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('last_routed', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_group_turns_pk', ['agent_id', 'group_id'])
    .execute();

  const WORKED = `in ('new', 'processing')`;
  const apply = (routed: string) => `
    insert into agent_group_turns as g (agent_id, group_id, last_routed)
      select agent, grp, nextval('agent_routing_turns') from (select distinct agent, grp from (${routed}) as r) as d order by agent, grp
    on conflict (agent_id, group_id) do update set last_routed = greatest(g.last_routed, excluded.last_routed)`;
  const statements = {
    insert: apply(`select assignee as agent, "group" as grp from new_rows where assignee is not null and "group" is not null and status ${WORKED}`),
    update: apply(`
      select n.assignee as agent, n."group" as grp from old_rows o join new_rows n on n.id = o.id
        where n.assignee is not null and n."group" is not null and n.status ${WORKED} and o.assignee is distinct from n.assignee`),
  };
  for (const [event, statement] of Object.entries(statements)) {
    await sql
      .raw(`create function agent_group_turns_on_${event}() returns trigger language plpgsql as $$ begin ${statement}; return null; end $$`)
      .execute(db);
    const tables = event === 'insert' ? 'new table as new_rows' : 'old table as old_rows new table as new_rows';
    await sql
      .raw(
        `create trigger agent_group_turns_on_${event} after ${event} on tickets referencing ${tables} for each statement execute function agent_group_turns_on_${event}()`,
      )
      .execute(db);
  }
}
