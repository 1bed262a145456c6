import { type Kysely, sql } from 'kysely';

/**
 * The editor lists the flow errors of the last 24 h (per flow, and all of them for the header's
 * bell, every 30 s): a small partial index keeps that from reading the whole audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_log_flow_errors on audit_log (at desc, id desc) where kind = 'flow.error'`.execute(db);
  await sql`create index audit_log_flow_errors_by_flow on audit_log (flow_id, at desc) where kind = 'flow.error'`.execute(db);
}
