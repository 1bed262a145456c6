import { type ApprovalView, Role } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { withNodeLabels } from './approval-node-labels';

const asRole = (value: string | null): Role | null => {
  const parsed = Role.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * The decided approvals, newest first (at most `limit`): what was asked, of whom, the answer with
 * its note, who gave it and when. Who may read which is the caller's (`mayDecide`).
 * @example const history = (await decidedApprovals(db)).filter((a) => mayDecide(person, a));
 */
export async function decidedApprovals(db: Kysely<Database>, limit = 200): Promise<ApprovalView[]> {
  const rows = await db
    .selectFrom('approval_decisions as d')
    .innerJoin('tickets', 'tickets.id', 'd.ticket_id')
    .leftJoin('flows', 'flows.id', 'd.flow_id')
    .leftJoin('ticket_flows as tf', (join) => join.onRef('tf.ticket_id', '=', 'd.ticket_id').onRef('tf.flow_id', '=', 'd.flow_id'))
    .selectAll('d')
    .select(['tickets.number', 'tickets.subject', 'flows.name as flow_name', 'tf.version'])
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  const decided = rows.map((row) => ({
    id: row.id,
    ticketId: row.ticket_id,
    ticketNumber: row.number,
    subject: row.subject,
    flowId: row.flow_id,
    node: row.node,
    question: row.question,
    role: asRole(row.role),
    user: row.user,
    requestedAt: row.requested_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    ...(row.flow_name === null ? {} : { flowName: row.flow_name }),
    decision: row.decision,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at.toISOString(),
    version: row.version,
  }));
  return withNodeLabels(db, decided);
}
