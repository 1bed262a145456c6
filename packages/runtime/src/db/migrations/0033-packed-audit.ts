import { type Kysely, sql } from 'kysely';

/**
 * Issue 22: the entries one change makes to a ticket (an event applied, its transitions, actions,
 * effects queued) were each a row of their own, with its own hash and index entries: eight rows
 * per event. `recordAudit` now writes them as one row of kind `packed` per ticket and call, its
 * detail the ordered entries (`{ entries: [{ kind, at, actor, flowId, detail }] }`), one hash on
 * the ticket's chain. Rows written before keep one entry each.
 *
 * Readers see entries, never rows: the view `audit_entries` passes a one-entry row through (its
 * id as the entry's id) and unpacks a packed row in order (ids `<row id>.<n>`). A reader that
 * looks entries up by kind or flow also names the row's `row_kinds` / `row_flows` (the columns
 * `kinds` and `flows` of a packed row, what its entries hold), which the indexes below serve:
 * a filter on an unpacked entry's field alone would unpack every packed row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('kinds', sql`text[]`).addColumn('flows', sql`text[]`).execute();
  // Packed rows by what they hold: their flow errors (the bell's poll; migration 0013's indexes serve one-entry rows),
  // a flow's transitions (a node's tickets), none of a rollout's kinds (its history never unpacks a ticket's rows).
  await sql`create index audit_log_packed_holds on audit_log using gin (kinds, flows) where kind = 'packed'`.execute(db);
  await sql`
    create view audit_entries as
      select l.id::text as id, l.id as row_id, 1 as ordinal, l.at, l.actor, l.ticket_id, l.flow_id, l.kind, l.detail,
        l.at as row_at, array[l.kind] as row_kinds, array[l.flow_id] as row_flows
      from audit_log l
      where l.kind <> 'packed'
    union all
      select l.id::text || '.' || e.n, l.id, e.n::int, (e.v->>'at')::timestamptz, e.v->>'actor', l.ticket_id, e.v->>'flowId',
        e.v->>'kind', e.v->'detail', l.at, l.kinds, l.flows
      from audit_log l cross join lateral jsonb_array_elements(l.detail->'entries') with ordinality as e(v, n)
      where l.kind = 'packed'`.execute(db);
}
