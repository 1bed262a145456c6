import { type Kysely, sql } from 'kysely';
import { OUTCOME_SHARDS } from './0006-outcomes';

/**
 * The per-version outcome counters (migration 0006) take a statement's deltas into the shard of
 * its database session instead of each ticket's own (`hashtext(ticket_id)`). By ticket, a batch of
 * four new tickets bound to fourteen flows added to some fifty counter rows, almost always one that
 * the other batch in flight had also locked until its commit: concurrent creators (and workers)
 * waited for each other there. By session, a statement adds to one row per flow version, and two
 * sessions meet on a row only when their process ids agree modulo the shard count. The readers
 * sum over the shards, so which shard holds a count never mattered; rows counted before keep
 * their shards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const deltas = (rows: string, sign: string) => `
    select flow_id, version, (pg_backend_pid() & ${OUTCOME_SHARDS - 1})::smallint as shard, ${sign}1 as bound,
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
      `create or replace function ticket_outcomes_count() returns trigger language plpgsql as $$
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
}
