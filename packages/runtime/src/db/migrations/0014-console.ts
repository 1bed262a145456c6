import { type Kysely, sql } from 'kysely';

/**
 * The service console (issue 18): when an agent last touched a ticket (at-risk queue), since
 * when it is abnormal (flagged `abnormal` or escalated; kept by a trigger, whoever writes the
 * row), supervisors' step-ins with cause and resolution, people's notifications (mentions,
 * transfers), a lower-cased search text and the indexes the queues read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('touched_at', 'timestamptz').execute();
  await db.schema.alterTable('tickets').addColumn('abnormal_at', 'timestamptz').execute();
  // Number, subject, body and customer id, lower-cased once: search is a substring scan of one column
  // (LIKE works on Chinese on PostgreSQL and PGlite alike; pg_trgm is not on PGlite).
  await sql`alter table tickets add column search_text text generated always as
    (lower(number || ' ' || customer_id || ' ' || subject || ' ' || body)) stored`.execute(db);
  await sql`
    create function tickets_mark_abnormal() returns trigger language plpgsql as $$
    begin
      if new.abnormal_at is null and (new.flags ? 'abnormal' or new.escalation_level > 0) then
        new.abnormal_at := new.updated_at;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger tickets_mark_abnormal before insert or update of flags, escalation_level on tickets
    for each row execute function tickets_mark_abnormal()`.execute(db);
  await sql`update tickets set abnormal_at = updated_at where flags ? 'abnormal' or escalation_level > 0`.execute(db);

  await sql`create index tickets_open_urgency on tickets (priority, created_at, id) where status not in ('resolved', 'closed')`.execute(db);
  await sql`create index tickets_open_group on tickets ("group", created_at) where status not in ('resolved', 'closed')`.execute(db);
  await sql`create index tickets_abnormal on tickets (abnormal_at) where abnormal_at is not null`.execute(db);
  await sql`create index tickets_customer on tickets (customer_id, created_at)`.execute(db);
  await sql`create index tickets_created_id on tickets (created_at desc, id)`.execute(db);

  await db.schema
    .createTable('step_ins')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('by_user', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('step_ins_ticket').on('step_ins').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('user_notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Who it is for: one user, the users working as one roster agent, or every member of one group.
    .addColumn('recipient_kind', 'text', (c) => c.notNull().check(sql`recipient_kind in ('user', 'agent', 'group')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('by_actor', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('user_notifications_recipient').on('user_notifications').columns(['recipient_kind', 'recipient', 'id']).execute();
}
