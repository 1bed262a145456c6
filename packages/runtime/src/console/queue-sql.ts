import { type Expression, type SqlBool, sql } from 'kysely';

/** How long an untouched open ticket may wait before it is at risk (SWITCHYARD_AT_RISK_MINUTES overrides). */
export const DEFAULT_AT_RISK_MS = 30 * 60_000;
/** How long a supervisor has to step into an abnormal ticket. */
export const STEP_IN_WINDOW_MS = 2 * 3600_000;

/** The caller's reach and who they work as: what `mine` and `group` mean, and what every view is limited to. */
export interface QueueCaller {
  /** Undefined: every ticket (admins); otherwise the tickets of these groups or assigned to `agentId`. */
  readonly scope: { readonly groups: readonly string[]; readonly agentId: string | null } | undefined;
  readonly agentId: string | null;
  readonly groups: readonly string[];
}

/** The queue facts of the ticket aliased `t`, as SQL: each view and row reads the same definitions. */
export function queueFacts(now: Date, atRiskMs: number) {
  const riskSince = new Date(now.getTime() - atRiskMs);
  const open = sql<SqlBool>`t.status not in ('resolved', 'closed')`;
  // Both kept on the row by triggers (migration 0030): no subquery per ticket.
  const due = sql<Date | null>`t.next_due_at`;
  const breached = sql<SqlBool>`t.sla_breached`;
  const steppedIn = sql<SqlBool>`exists (select 1 from step_ins s where s.ticket_id = t.id)`;
  const atRisk = sql<SqlBool>`(${open} and t.touched_at is null and t.created_at <= ${riskSince})`;
  const overdue = sql<SqlBool>`(${open} and (${due} <= ${now} or ${breached}))`;
  const abnormal = sql<SqlBool>`(${open} and t.abnormal_at is not null)`;
  return { open, due, steppedIn, atRisk, overdue, abnormal };
}

/** The caller's reach as a condition on `t`. */
export function inScope(caller: QueueCaller): Expression<SqlBool> {
  const { scope } = caller;
  if (!scope) return sql<SqlBool>`true`;
  const parts = [sql<SqlBool>`false`];
  if (scope.groups.length > 0) parts.push(sql<SqlBool>`t."group" in (${sql.join(scope.groups)})`);
  if (scope.agentId !== null) parts.push(sql<SqlBool>`t.assignee = ${scope.agentId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** A queue view as a condition on `t` (within the caller's reach, applied apart). */
export function viewCondition(view: string, caller: QueueCaller, facts: ReturnType<typeof queueFacts>): Expression<SqlBool> {
  switch (view) {
    case 'mine':
      return caller.agentId === null ? sql<SqlBool>`false` : sql<SqlBool>`(${facts.open} and t.assignee = ${caller.agentId})`;
    case 'group':
      if (caller.groups.length === 0) return sql<SqlBool>`(${facts.open} and t."group" is not null)`;
      return sql<SqlBool>`(${facts.open} and t."group" in (${sql.join(caller.groups)}))`;
    case 'unassigned':
      return sql<SqlBool>`(${facts.open} and t.assignee is null)`;
    case 'at_risk':
      return facts.atRisk;
    case 'overdue':
      return facts.overdue;
    case 'abnormal':
      return facts.abnormal;
    default:
      return sql<SqlBool>`true`;
  }
}

/** `%text%` for LIKE, lower-cased like `search_text`, with LIKE's own characters escaped. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
