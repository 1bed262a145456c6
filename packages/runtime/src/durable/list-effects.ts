import type { EffectView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database, OutboxStatus } from '../db/schema';

/** A side effect as ops see it (@switchyard/api's): where it comes from, where it stands, and its last error. */
export type { EffectView };

export interface EffectFilter {
  readonly status?: OutboxStatus | undefined;
  readonly ticketId?: string | undefined;
  readonly flowId?: string | undefined;
  /** Created at or after this moment (ISO 8601). */
  readonly since?: string | undefined;
  /** At most this many, newest first (default 100, at most 1000). */
  readonly limit?: number | undefined;
}

/**
 * Effects matching every filter given, newest first: `status: 'dead'` is the dead-letter
 * list (each dead effect also flagged its ticket `effect_failed`).
 */
export async function listEffects(db: Kysely<Database>, filter: EffectFilter = {}): Promise<EffectView[]> {
  let query = db
    .selectFrom('outbox')
    .select([
      'id',
      'ticket_id',
      'flow_id',
      'version',
      'node_id',
      'idempotency_key',
      'status',
      'attempts',
      'last_error',
      'next_attempt_at',
      'created_at',
      'done_at',
    ])
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.ticketId) query = query.where('ticket_id', '=', filter.ticketId);
  if (filter.flowId) query = query.where('flow_id', '=', filter.flowId);
  if (filter.since) query = query.where('created_at', '>=', new Date(filter.since));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    flowId: r.flow_id,
    version: r.version,
    nodeId: r.node_id,
    idempotencyKey: r.idempotency_key,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    doneAt: r.done_at?.toISOString() ?? null,
  }));
}
