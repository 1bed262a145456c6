import type { UserNotification } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import { json, type Database } from '../db/schema';

/** A notice to write: to one user, the users working as an agent, or a group's members. */
export interface NotificationInput {
  readonly to: { readonly kind: 'user' | 'agent' | 'group'; readonly id: string };
  readonly kind: UserNotification['kind'];
  readonly message: { readonly en: string; readonly 'zh-CN': string };
}

/** Writes a notice in the caller's transaction. */
export async function notify(
  trx: Kysely<Database>,
  notice: NotificationInput & { readonly ticketId: string; readonly by: string; readonly at: Date },
): Promise<void> {
  await trx
    .insertInto('user_notifications')
    .values({
      recipient_kind: notice.to.kind,
      recipient: notice.to.id,
      kind: notice.kind,
      ticket_id: notice.ticketId,
      by_actor: notice.by,
      message: json({ en: notice.message.en, 'zh-CN': notice.message['zh-CN'] }),
      at: notice.at,
      read_at: null,
    })
    .execute();
}

/** The notices for a person (their own, their agent's, their groups'), newest first. */
export async function notificationsFor(
  db: Kysely<Database>,
  person: { readonly userId: string; readonly agentId: string | null; readonly groups: readonly string[] },
  limit = 50,
): Promise<UserNotification[]> {
  const rows = await db
    .selectFrom('user_notifications')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('recipient_kind', '=', 'user'), eb('recipient', '=', person.userId)]),
        ...(person.agentId === null ? [] : [eb.and([eb('recipient_kind', '=', 'agent'), eb('recipient', '=', person.agentId)])]),
        ...(person.groups.length === 0 ? [] : [eb.and([eb('recipient_kind', '=', 'group'), eb('recipient', 'in', [...person.groups])])]),
      ]),
    )
    .orderBy(sql`id`, 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const kind = KINDS.find((k) => k === r.kind);
    if (!kind) return [];
    return [
      { id: r.id, at: r.at.toISOString(), kind, ticketId: r.ticket_id, by: r.by_actor, message: r.message, read: r.read_at !== null },
    ];
  });
}

const KINDS = ['mention', 'transfer.in', 'transfer.out', 'escalated', 'stepped-in'] as const;
