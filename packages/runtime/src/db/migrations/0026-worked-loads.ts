import { type Kysely, sql } from 'kysely';

/**
 * An agent's load counts only the tickets being worked (issue 21): `new` and `processing`. A ticket
 * `pending` (waiting on the customer) and a done one (resolved, closed) weigh nothing, as in mature
 * helpdesks (Zendesk's omnichannel capacity counts tickets being worked, not those waiting on the
 * requester): an agent with ten tickets waiting on customers can still take new work. The
 * triggers of migration 0024 are replaced with that rule and the counts recounted once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const WORKED = `in ('new', 'processing')`;
  const NOT_WORKED = `not in ('new', 'processing')`;
  // As in 0024: each statement's rows become per-agent changes, applied in agent id order.
  const apply = (changes: string) => `
    insert into agent_loads as l (agent_id, open_tickets, last_routed)
      select agent, sum(delta), case when bool_or(routed) then nextval('agent_routing_turns') else 0 end
      from (${changes}) as c
      group by agent having sum(delta) <> 0 or bool_or(routed) order by agent
    on conflict (agent_id) do update set
      open_tickets = greatest(0, l.open_tickets + excluded.open_tickets),
      last_routed = greatest(l.last_routed, excluded.last_routed)`;
  const statements = {
    insert: apply(`select assignee as agent, 1 as delta, true as routed from new_rows where assignee is not null and status ${WORKED}`),
    delete: apply(`select assignee as agent, -1 as delta, false as routed from old_rows where assignee is not null and status ${WORKED}`),
    update: apply(`
      select o.assignee as agent, -1 as delta, false as routed from old_rows o join new_rows n on n.id = o.id
        where o.assignee is not null and o.status ${WORKED} and (o.assignee is distinct from n.assignee or n.status ${NOT_WORKED})
      union all
      select n.assignee, 1, o.assignee is distinct from n.assignee from old_rows o join new_rows n on n.id = o.id
        where n.assignee is not null and n.status ${WORKED} and (o.assignee is distinct from n.assignee or o.status ${NOT_WORKED})`),
  };
  for (const [event, statement] of Object.entries(statements))
    await sql
      .raw(`create or replace function agent_loads_on_${event}() returns trigger language plpgsql as $$ begin ${statement}; return null; end $$`)
      .execute(db);
  await sql
    .raw(
      `update agent_loads l set open_tickets = coalesce(
         (select count(*) from tickets t where t.assignee = l.agent_id and t.status ${WORKED}), 0)`,
    )
    .execute(db);
}
