import { type Kysely, sql } from 'kysely';

/**
 * A new ticket writes a binding and an outcome row per deployed flow (22 rows with 11 flows), and
 * their four row-level foreign keys made a bulk import check 220,000 references one by one (more
 * than half of its time in issue 22's profile). The references are now checked once per statement:
 * a binding names a ticket and a flow version (the distinct ones of the statement, looked up once
 * each), and a ticket or a version with bindings cannot be deleted. An outcome row is written only
 * in the statement that writes its binding and moves with it (`moveOutcomes`), so it keeps no
 * references of its own. A version change of a binding is checked per row (rare: a migration).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, constraint] of [
    ['ticket_outcomes', 'ticket_outcomes_ticket_id_fkey'],
    ['ticket_outcomes', 'ticket_outcomes_version_fk'],
    ['ticket_flows', 'ticket_flows_ticket_id_fkey'],
    ['ticket_flows', 'ticket_flows_version_fk'],
  ] as const)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(constraint)}`.execute(db);

  const missing = (rows: string) => `
      if exists (select 1 from (select distinct ticket_id from ${rows}) b where not exists (select 1 from tickets t where t.id = b.ticket_id)) then
        raise exception using errcode = '23503', message = 'a ticket_flows row names a ticket that does not exist';
      end if;
      if exists (select 1 from (select distinct flow_id, version from ${rows}) b
                 where not exists (select 1 from flow_versions v where v.flow_id = b.flow_id and v.version = b.version)) then
        raise exception using errcode = '23503', message = 'a ticket_flows row names a flow version that does not exist';
      end if;`;
  await sql
    .raw(
      `create function ticket_flows_check_new() returns trigger language plpgsql as $$
    begin ${missing('new_bindings')}
      return null;
    end $$`,
    )
    .execute(db);
  await sql`create trigger ticket_flows_check_insert after insert on ticket_flows
    referencing new table as new_bindings for each statement execute function ticket_flows_check_new()`.execute(db);
  await sql`
    create function ticket_flows_check_moved() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from flow_versions v where v.flow_id = new.flow_id and v.version = new.version) then
        raise exception using errcode = '23503', message = 'a ticket_flows row names a flow version that does not exist';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger ticket_flows_check_update after update of flow_id, version, ticket_id on ticket_flows
    for each row when (old.flow_id is distinct from new.flow_id or old.version is distinct from new.version or old.ticket_id is distinct from new.ticket_id)
    execute function ticket_flows_check_moved()`.execute(db);

  await sql`
    create function tickets_keep_bound() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from gone_tickets g join ticket_flows b on b.ticket_id = g.id) then
        raise exception using errcode = '23503', message = 'a ticket with flow bindings cannot be deleted';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger tickets_keep_bound after delete on tickets
    referencing old table as gone_tickets for each statement execute function tickets_keep_bound()`.execute(db);
  await sql`
    create function flow_versions_keep_bound() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from gone_versions g join ticket_flows b on b.flow_id = g.flow_id and b.version = g.version) then
        raise exception using errcode = '23503', message = 'a flow version with ticket bindings cannot be deleted';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger flow_versions_keep_bound after delete on flow_versions
    referencing old table as gone_versions for each statement execute function flow_versions_keep_bound()`.execute(db);
}
