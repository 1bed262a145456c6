import type { RefusedTicket } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { rolloutMessages } from './rollout-messages';

/**
 * What `--migrate` prints when the server refused to move anything: a line, then each ticket.
 * @example migrateRefusalText([{ ticket: 'T-1', message: 'rests in node "wait"' }], 3, 'en')
 */
export function migrateRefusalText(tickets: readonly RefusedTicket[], to: number, locale: Locale): string {
  return `${rolloutMessages(locale).migrateRefused(tickets.length, to)}\n${tickets.map((t) => `  ${t.ticket}: ${t.message}\n`).join('')}`;
}
