import { type Kysely, sql } from 'kysely';

/**
 * A NOTIFY inside a write transaction takes PostgreSQL's one notification lock at commit and
 * holds it through the commit's WAL flush, so every such commit in the database waits for the
 * one before it (`Lock/object` waits): the ticket-change trigger of 0015 serialised the workers'
 * batches and the posts. A transaction that sets `switchyard.announce` to `after-commit` now
 * announces its ticket changes itself once committed (`announceCommitted`, a statement of its
 * own that flushes nothing); every other writer is announced by the trigger as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function tickets_announce_change() returns trigger language plpgsql as $$
    begin
      if current_setting('switchyard.announce', true) is distinct from 'after-commit' then
        perform pg_notify('switchyard_tickets_' || current_schema(), new.id);
      end if;
      return null;
    end $$`.execute(db);
}
