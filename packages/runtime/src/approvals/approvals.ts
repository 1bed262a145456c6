import type { ApprovalView, DecideApprovalRequest } from '@switchyard/api';
import { readApprovalRequest } from '@switchyard/nodes';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { readStored } from '../db/stored/read-stored';
import { postTicketEventOnce } from '../durable/post-ticket-event';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { type VersionedApproval, withNodeLabels } from './approval-node-labels';

const IdParts = z.tuple([z.string(), z.string(), z.string(), z.number()]);

/** An approval's id: the ticket, flow, node and the instant it was asked, so a later request at the same node is another approval. */
export function approvalId(ticketId: string, flowId: string, node: string, requestedAt: number): string {
  return Buffer.from(JSON.stringify([ticketId, flowId, node, requestedAt])).toString('base64url');
}

function parseId(id: string): z.infer<typeof IdParts> | undefined {
  try {
    const parsed = IdParts.safeParse(JSON.parse(Buffer.from(id, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The approvals flows wait for now: flows resting at an approval node (its request in the run's
 * vars), oldest first. Read from the flows' snapshots, so a decision, a timeout or a run that
 * ended removes it with no bookkeeping of its own. `ticketIds` narrows to some tickets.
 */
export async function listApprovals(db: Kysely<Database>, ticketIds?: readonly string[]): Promise<ApprovalView[]> {
  let query = db
    .selectFrom('ticket_flows')
    .innerJoin('tickets', 'tickets.id', 'ticket_flows.ticket_id')
    .leftJoin('flows', 'flows.id', 'ticket_flows.flow_id')
    .select([
      'ticket_flows.ticket_id',
      'ticket_flows.flow_id',
      'ticket_flows.version',
      'ticket_flows.snapshot',
      'tickets.number',
      'tickets.subject',
      'flows.name as flow_name',
    ])
    .where('ticket_flows.snapshot', 'is not', null)
    // A cheap filter before parsing: only snapshots holding an approval request.
    .where(sql<boolean>`cast(ticket_flows.snapshot as text) like '%"approval"%'`);
  if (ticketIds) query = query.where('ticket_flows.ticket_id', 'in', ticketIds.length ? [...ticketIds] : ['']);
  const rows = await query.execute();
  const views: VersionedApproval[] = [];
  for (const row of rows) {
    const snapshot = readStored(flowSnapshotShape, row.snapshot, { table: 'ticket_flows', key: `${row.ticket_id}/${row.flow_id}` });
    const node = snapshot.value;
    if (typeof node !== 'string') continue;
    const request = readApprovalRequest(snapshot.context.vars[node]);
    if (!request) continue;
    views.push({
      id: approvalId(row.ticket_id, row.flow_id, node, request.requestedAt),
      ticketId: row.ticket_id,
      ticketNumber: row.number,
      subject: row.subject,
      flowId: row.flow_id,
      node,
      question: request.question,
      role: request.role,
      user: request.user,
      requestedAt: new Date(request.requestedAt).toISOString(),
      dueAt: new Date(request.dueAt).toISOString(),
      ...(row.flow_name === null ? {} : { flowName: row.flow_name }),
      version: row.version,
    });
  }
  return (await withNodeLabels(db, views)).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id));
}

/** The approval with this id while its flow still waits for it; a 404 once decided, timed out or never asked. */
export async function getApproval(db: Kysely<Database>, id: string): Promise<ApprovalView> {
  const parts = parseId(id);
  const found = parts ? (await listApprovals(db, [parts[0]])).find((a) => a.id === id) : undefined;
  if (!found) throw new NotFoundError('approval', id);
  return found;
}

/**
 * Decides an approval: queues the ticket event `approval.decided` addressed to the waiting flow and
 * node (audited as received, with who decided and the note); the worker moves the flow on by
 * `approved` or `rejected`. Checking who may decide is the caller's (`mayDecide`).
 */
export async function decideApproval(
  ctx: RuntimeContext,
  id: string,
  body: DecideApprovalRequest,
  actor: string,
): Promise<{ eventId: string }> {
  const approval = await getApproval(ctx.db, id);
  const event = {
    type: 'approval.decided' as const,
    flow: approval.flowId,
    node: approval.node,
    decision: body.decision,
    by: actor.slice(0, 200),
    ...(body.note === undefined ? {} : { note: body.note }),
  };
  if (approval.dueAt <= ctx.clock.now().toISOString()) throw new RuntimeInputError(`approval ${id} has timed out`, 409, { id });
  const decidedAt = ctx.clock.now();
  // Kept in the event's transaction: the history never shows a decision the flow did not get, nor misses one.
  const keep = (trx: Kysely<Database>) =>
    trx
      .insertInto('approval_decisions')
      .values({
        id,
        ticket_id: approval.ticketId,
        flow_id: approval.flowId,
        node: approval.node,
        question: approval.question,
        role: approval.role,
        user: approval.user,
        requested_at: new Date(approval.requestedAt),
        due_at: new Date(approval.dueAt),
        decision: body.decision,
        note: body.note ?? null,
        decided_by: event.by,
        decided_at: decidedAt,
      })
      .execute();
  return (await postTicketEventOnce(ctx, approval.ticketId, event, actor, undefined, 'approvals', keep)).body;
}
