import { type Kysely, sql } from 'kysely';

/**
 * The daily rollups (migration 0016) get a small `shard` column in their keys. Every worker batch
 * adds to the same few hundred rows of the day (a flow's nodes entered, edges taken, the day's
 * status counts): two workers' transactions waited on each other's row locks until commit, so
 * they ran their last round trips one at a time. A batch now adds to the rows of one shard (see
 * `rollupShard`), and the readers sum over the shards. Existing rows stay in shard 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table analytics_daily add column shard smallint not null default 0`.execute(db);
  await sql`alter table analytics_daily drop constraint analytics_daily_pk`.execute(db);
  await sql`alter table analytics_daily add constraint analytics_daily_pk primary key (day, grp, channel, metric, key, shard) include (n, total)`.execute(
    db,
  );
  await sql`alter table analytics_flow_daily add column shard smallint not null default 0`.execute(db);
  await sql`alter table analytics_flow_daily drop constraint analytics_flow_daily_pk`.execute(db);
  await sql`alter table analytics_flow_daily add constraint analytics_flow_daily_pk primary key (flow_id, day, version, metric, key, shard) include (n, total)`.execute(
    db,
  );
}
