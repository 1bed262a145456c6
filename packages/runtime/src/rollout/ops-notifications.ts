import { OpsNotification } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { json, type Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { errorMessage } from '../engine/error-message';
import { readColumn } from '../db/stored/read-column';

/** An HTTP endpoint ops want to hear from (a chat webhook, an incident tool). */
export interface OpsWebhook {
  readonly url: string;
  /** Sent as `authorization: Bearer <token>` when set. */
  readonly token?: string | undefined;
}

export interface NewOpsNotification {
  readonly kind: string;
  readonly flowId: string | null;
  readonly message: { readonly en: string; readonly 'zh-CN': string };
  readonly detail: Record<string, unknown>;
}

/** Records a notification in the caller's transaction: it exists exactly when the change it tells of does. */
export async function notifyOps(trx: Kysely<Database>, at: Date, notification: NewOpsNotification): Promise<void> {
  await trx
    .insertInto('ops_notifications')
    .values({
      at,
      kind: notification.kind,
      flow_id: notification.flowId,
      message: json(notification.message),
      detail: json(notification.detail),
      delivered_at: null,
      next_attempt_at: at,
      last_error: null,
    })
    .execute();
}

/** GET /api/notifications: the newest first. */
export async function listOpsNotifications(db: Kysely<Database>, limit = 100): Promise<OpsNotification[]> {
  const rows = await db.selectFrom('ops_notifications').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    flowId: row.flow_id,
    message: readColumn(OpsNotification.shape.message, row.message, { table: 'ops_notifications', key: row.id }, 'message'),
    detail: readColumn(OpsNotification.shape.detail, row.detail, { table: 'ops_notifications', key: row.id }, 'detail'),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  }));
}

const MAX_BACKOFF_MS = 10 * 60_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Posts due notifications to the webhook, at least once each (the receiver deduplicates on
 * the `idempotency-key` header, `ops-<id>`). A row stays locked while its post runs, so
 * two workers never send it at once; a failure retries with backoff (cap 10 minutes).
 * Returns how many were delivered.
 */
export async function deliverOpsNotifications(ctx: RuntimeContext, webhook: OpsWebhook, limit = 10): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const sent = await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const row = await trx
        .selectFrom('ops_notifications')
        .selectAll()
        .where('delivered_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      try {
        const response = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `ops-${row.id}`,
            ...(webhook.token ? { authorization: `Bearer ${webhook.token}` } : {}),
          },
          body: JSON.stringify({
            id: row.id,
            at: row.at.toISOString(),
            kind: row.kind,
            flowId: row.flow_id,
            message: row.message,
            detail: row.detail,
          }),
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`ops webhook answered ${response.status} for POST ${webhook.url}`);
        await trx
          .updateTable('ops_notifications')
          .set({ delivered_at: ctx.clock.now(), attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
        return true;
      } catch (error) {
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** row.attempts);
        await trx
          .updateTable('ops_notifications')
          .set({ attempts: row.attempts + 1, last_error: errorMessage(error), next_attempt_at: new Date(now.getTime() + backoff) })
          .where('id', '=', row.id)
          .execute();
        ctx.logger.warn({ notification: row.id, err: error }, 'ops webhook delivery failed; retrying later');
        return false;
      }
    });
    if (sent === undefined) break;
    if (sent) delivered++;
  }
  return delivered;
}
