import type { MessageKey } from '../i18n/messages-en';

/** The ticket statuses an agent sets from the console, in the order they usually pass. */
export const TICKET_STATUSES = ['new', 'processing', 'pending', 'resolved', 'closed'] as const;

const STATUS_LABELS: Record<(typeof TICKET_STATUSES)[number], MessageKey> = {
  new: 'analytics.status.new',
  processing: 'analytics.status.processing',
  pending: 'analytics.status.pending',
  resolved: 'analytics.status.resolved',
  closed: 'analytics.status.closed',
};

/** A ticket status in the reader's words; a status this editor does not know yet shows as it is. */
export function statusLabel(t: (key: MessageKey) => string, status: string): string {
  const key = Object.entries(STATUS_LABELS).find(([known]) => known === status)?.[1];
  return key ? t(key) : status;
}
