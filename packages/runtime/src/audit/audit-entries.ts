import { type RawBuilder, sql } from 'kysely';

/**
 * The columns of the view `audit_entries` (migration 0033) an entry is read with: what
 * `readAuditRow` takes. `id` is the row's id, or `<row id>.<n>` for the nth entry of a packed row.
 */
export const AUDIT_ENTRY_COLUMNS = ['id', 'at', 'actor', 'ticket_id', 'flow_id', 'kind', 'detail'] as const;

/*
 * A filter on an unpacked entry's kind, flow or time cannot use an index: a reader that filters by
 * one adds the matching condition on the row below (in the same query as the entry's), which the
 * indexes of migrations 0013 and 0033 serve. `alias` is the view's name in the query.
 */

/** The entry's rows that hold an entry of this kind. */
export function rowHoldsKind(kind: string, alias = 'audit_entries'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.row_kinds`)} @> array[${kind}]::text[]`;
}

/** Rows holding an entry of one of these kinds. */
export function rowHoldsAnyKind(kinds: readonly string[], alias = 'audit_entries'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.row_kinds`)} && ${[...kinds]}::text[]`;
}

/** Rows holding an entry of this flow. */
export function rowHoldsFlow(flowId: string, alias = 'audit_entries'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.row_flows`)} @> array[${flowId}]::text[]`;
}

/** Rows whose latest entry is at or after this time (an entry at or after it is in one of them). */
export function rowSince(since: Date, alias = 'audit_entries'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.row_at`)} >= ${since}`;
}
