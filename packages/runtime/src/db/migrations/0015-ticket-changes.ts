import { type Kysely, sql } from 'kysely';

/**
 * Every change of a ticket row is announced on `switchyard_tickets_<schema>` with the ticket id
 * (delivered at commit, repeated ids of one transaction merged by PostgreSQL), so the server's
 * live stream (`GET /api/stream`) sees the workers' changes too, whichever process made them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tickets_announce_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('switchyard_tickets_' || current_schema(), new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger tickets_announce_change after insert or update on tickets
    for each row execute function tickets_announce_change()`.execute(db);
}
