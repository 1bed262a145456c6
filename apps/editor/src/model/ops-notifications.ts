import type { OpsNotification } from '@switchyard/api';

/** The kind of notification a guardrail sends when it rolled a candidate back. */
export const GUARDRAIL_TRIPPED = 'rollout.guardrail_tripped';

/** What the bell shows: how many arrived since the user last looked, and whether one is a rollback. */
export interface NotificationBadge {
  readonly unseen: number;
  readonly alert: boolean;
}

/** True for notifications that must catch the eye (a guardrail rolled a candidate back). */
export const isAlert = (notification: OpsNotification): boolean => notification.kind === GUARDRAIL_TRIPPED;

/**
 * The notifications newer than `seenAt` (an ISO instant; null: never looked).
 * @example unseenNotifications(list, '2026-05-01T10:00:00.000Z')
 */
export function unseenNotifications(notifications: readonly OpsNotification[], seenAt: string | null): OpsNotification[] {
  const since = seenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(seenAt);
  return notifications.filter((n) => Date.parse(n.at) > since);
}

/**
 * The bell's badge: unseen count, and alert while an unseen one is a guardrail rollback.
 * @example notificationBadge([], null) // { unseen: 0, alert: false }
 */
export function notificationBadge(notifications: readonly OpsNotification[], seenAt: string | null): NotificationBadge {
  const unseen = unseenNotifications(notifications, seenAt);
  return { unseen: unseen.length, alert: unseen.some(isAlert) };
}

/**
 * The instant to remember as "seen" once the list is opened: the newest notification's (the
 * server's clock, so a skewed browser clock cannot hide later ones); unchanged when there are none.
 */
export function seenUpTo(notifications: readonly OpsNotification[], seenAt: string | null): string | null {
  const newest = notifications.reduce<string | null>((max, n) => (max === null || Date.parse(n.at) > Date.parse(max) ? n.at : max), null);
  if (newest === null) return seenAt;
  return seenAt !== null && Date.parse(seenAt) >= Date.parse(newest) ? seenAt : newest;
}

/** Unseen guardrail rollbacks, newest first, one per flow (the latest says what matters now). */
export function unseenRollbacks(notifications: readonly OpsNotification[], seenAt: string | null): OpsNotification[] {
  const seenFlows = new Set<string | null>();
  return unseenNotifications(notifications, seenAt)
    .filter(isAlert)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .filter((n) => !seenFlows.has(n.flowId) && seenFlows.add(n.flowId));
}
