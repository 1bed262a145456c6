import { FieldIssue } from '@switchyard/api';
import { z } from 'zod';
import type { MigrateTicketsRequest, Rollout } from '../api/schemas';
import type { MessageKey } from '../i18n/messages-en';

/** The "Migrate in-flight tickets" form: versions, optional ticket ids, reason. */
export interface MigrateForm {
  readonly from: number | null;
  readonly to: number | null;
  /** Ticket ids separated by commas, spaces or lines; empty: every open ticket of `from`. */
  readonly tickets: string;
  readonly reason: string;
}

/** A ticket the server would not move (or does not know as open on `from`), and why. */
export interface RefusedTicket {
  readonly ticket: string;
  readonly message: string;
}

const MAX_TICKETS = 10_000;

/** Bad fields by name (`from`, `to`, `tickets`), as message keys. */
export type MigrateErrors = Readonly<Partial<Record<'from' | 'to' | 'tickets', MessageKey>>>;

/**
 * The form as a rollout suggests it: the candidate's tickets back to stable (what one does
 * after a rollback); without a candidate, nothing picked.
 */
export function migrateFormFor(rollout: Rollout): MigrateForm {
  return { from: rollout.candidate, to: rollout.candidate === null ? null : rollout.stable, tickets: '', reason: '' };
}

/**
 * The POST body for the form, or its bad fields; ticket ids are de-duplicated.
 * @example buildMigrateRequest({ from: 4, to: 3, tickets: 'T-1, T-2', reason: '' }) // { request: { from: 4, to: 3, tickets: ['T-1', 'T-2'] } }
 */
export function buildMigrateRequest(form: MigrateForm): { request: MigrateTicketsRequest } | { errors: MigrateErrors } {
  const errors: Partial<Record<'from' | 'to' | 'tickets', MessageKey>> = {};
  if (form.from === null) errors.from = 'migrate.error.pick';
  if (form.to === null) errors.to = 'migrate.error.pick';
  else if (form.to === form.from) errors.to = 'migrate.error.same';
  const tickets = [...new Set(form.tickets.split(/[\s,]+/).filter(Boolean))];
  if (tickets.length > MAX_TICKETS) errors.tickets = 'migrate.error.tickets';
  if (Object.keys(errors).length > 0 || form.from === null || form.to === null) return { errors };
  const reason = form.reason.trim();
  return { request: { from: form.from, to: form.to, ...(tickets.length > 0 ? { tickets } : {}), ...(reason ? { reason } : {}) } };
}

/**
 * The tickets a refusal names (`details: [{ path: 'tickets.<id>', message }]` of a 409, or of a
 * 400 for ids that are not open on `from`); empty when it names none.
 * @example refusedTickets([{ path: 'tickets.T-1', message: 'rests in node "wait"' }]) // [{ ticket: 'T-1', message: 'rests in node "wait"' }]
 */
export function refusedTickets(details: unknown): RefusedTicket[] {
  const issues = z.array(FieldIssue).safeParse(details);
  if (!issues.success) return [];
  return issues.data.flatMap((issue) => {
    const ticket = /^tickets\.(.+)$/.exec(issue.path)?.[1];
    return ticket === undefined ? [] : [{ ticket, message: issue.message }];
  });
}
