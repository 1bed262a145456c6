import { MigrateTicketsRequest, type Rollout, rolloutRuleOf } from '@switchyard/api';
import type { MessageKey } from '../i18n/messages-en';

/** The "Migrate in-flight tickets" form: versions, optional ticket ids, reason. */
export interface MigrateForm {
  readonly from: number | null;
  readonly to: number | null;
  /** Ticket ids separated by commas, spaces or lines; empty: every open ticket of `from`. */
  readonly tickets: string;
  readonly reason: string;
}

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
  if (form.from === null || form.to === null) return { errors };
  const tickets = [...new Set(form.tickets.split(/[\s,]+/).filter(Boolean))];
  const reason = form.reason.trim();
  const request: MigrateTicketsRequest = {
    from: form.from,
    to: form.to,
    ...(tickets.length > 0 ? { tickets } : {}),
    ...(reason ? { reason } : {}),
  };
  // The server's schema decides: the same versions, too many tickets are refused here as there.
  const checked = MigrateTicketsRequest.safeParse(request);
  if (checked.success) return { request };
  for (const issue of checked.error.issues) {
    if (rolloutRuleOf(issue) === 'migrateSame') errors.to = 'migrate.error.same';
    else if (issue.path[0] === 'tickets') errors.tickets = 'migrate.error.tickets';
    else errors.from = 'migrate.error.pick';
  }
  return { errors };
}
