import { FieldIssue } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { z } from 'zod';
import { rolloutMessages } from './rollout-messages';

/** A ticket the server would not move, and why. */
export interface RefusedTicket {
  readonly ticket: string;
  readonly message: string;
}

const TICKET_PATH = /^tickets\.(.+)$/;

/**
 * The tickets a refused migration names (`details` of the 409: `[{ path: 'tickets.<id>', message }]`);
 * empty when the details name no ticket.
 * @example refusedTickets([{ path: 'tickets.T-1', message: 'rests in node "wait"' }]) // [{ ticket: 'T-1', message: 'rests in node "wait"' }]
 */
export function refusedTickets(details: unknown): RefusedTicket[] {
  const issues = z.array(FieldIssue).safeParse(details);
  if (!issues.success) return [];
  return issues.data.flatMap((issue) => {
    const ticket = TICKET_PATH.exec(issue.path)?.[1];
    return ticket === undefined ? [] : [{ ticket, message: issue.message }];
  });
}

/**
 * What `--migrate` prints when the server refused to move anything: a line, then each ticket.
 * @example migrateRefusalText([{ ticket: 'T-1', message: 'rests in node "wait"' }], 3, 'en')
 */
export function migrateRefusalText(tickets: readonly RefusedTicket[], to: number, locale: Locale): string {
  return `${rolloutMessages(locale).migrateRefused(tickets.length, to)}\n${tickets.map((t) => `  ${t.ticket}: ${t.message}\n`).join('')}`;
}
