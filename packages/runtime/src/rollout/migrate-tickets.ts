import { MigrateTicketsRequest, type TicketsMigrated } from '@switchyard/api';
import type { CompiledFlow } from '@switchyard/compiler';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record-audit';
import { inTransaction } from '../catalog/in-transaction';
import { parseInput } from '../catalog/invalid-input';
import type { Database } from '../db/schema';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { readStored } from '../db/stored/read-stored';
import { moveOutcomes } from '../durable/record-outcome';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { requireFlow } from './deployment-state';
import { rolloutConflict } from './rollout-conflict';
import { unpublishedVersion } from './require-published';

/** A flow's runs rest here between triggers; every version has it. */
const IDLE_STATE = '_idle';

/**
 * Moves in-flight tickets (not closed) of version `from` to version `to`: the flow goes on
 * from the same node in the new version. All or nothing: when any ticket rests in a node
 * the new version lacks (or has as another node type), nothing moves and the 409 names
 * each such ticket. Effects already queued deliver as the old version asked. With `revision`,
 * the move happens only while the deployment is still at it (its row locked meanwhile); it
 * moves tickets, not the deployment, so the revision stays.
 * @example await migrateTickets(ctx, 'intake', { from: 4, to: 3 }, 'ops@example.com');
 */
export async function migrateTickets(
  ctx: RuntimeContext,
  flowId: string,
  input: MigrateTicketsRequest,
  actor: string,
): Promise<TicketsMigrated> {
  // The schema refuses from = to (packages/api rollout rules).
  const request = parseInput(MigrateTicketsRequest, input);
  return inTransaction(ctx.db, async (trx) => {
    await requireFlow(trx, flowId);
    if (request.revision !== undefined) await requireRevision(trx, flowId, request.revision);
    const source = await compiledVersion(trx, flowId, request.from, 'from');
    const target = await compiledVersion(trx, flowId, request.to, 'to');
    let query = trx
      .selectFrom('ticket_flows as tf')
      .innerJoin('tickets as t', 't.id', 'tf.ticket_id')
      .select(['tf.ticket_id', 'tf.snapshot'])
      .where('tf.flow_id', '=', flowId)
      .where('tf.version', '=', request.from)
      .where('t.status', '<>', 'closed')
      .orderBy('tf.ticket_id')
      // The worker holds a ticket's row while it runs it: wait for it, then move.
      .forUpdate();
    if (request.tickets) query = query.where('tf.ticket_id', 'in', request.tickets);
    const rows = await query.execute();
    if (request.tickets) {
      const found = new Set(rows.map((r) => r.ticket_id));
      const missing = request.tickets.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new RuntimeInputError(
          `${missing.length} ticket(s) are not open tickets on version ${request.from}`,
          400,
          missing.map((id) => ({ path: `tickets.${id}`, message: `not an open ticket bound to version ${request.from}` })),
        );
      }
    }
    const refused = rows.flatMap((row) => {
      const state = stateOf(row.snapshot, row.ticket_id, flowId);
      const problem = counterpartProblem(state, source, target, request.to);
      return problem ? [{ path: `tickets.${row.ticket_id}`, message: problem }] : [];
    });
    if (refused.length > 0)
      throw new RuntimeInputError(
        `${refused.length} ticket(s) rest where version ${request.to} has no counterpart; nothing was migrated`,
        409,
        refused,
      );
    const tickets = rows.map((r) => r.ticket_id);
    if (tickets.length === 0) return { migrated: 0, tickets };
    const now = ctx.clock.now();
    await trx
      .updateTable('ticket_flows')
      .set({ version: request.to, updated_at: now })
      .where('flow_id', '=', flowId)
      .where('ticket_id', 'in', tickets)
      .execute();
    await moveOutcomes(trx, flowId, tickets, request.to);
    await recordAudit(trx, [
      ...tickets.map((id) => ({
        at: now,
        actor,
        ticketId: id,
        flowId,
        kind: 'flow.migrated' as const,
        detail: { from: request.from, to: request.to },
      })),
      {
        at: now,
        actor,
        ticketId: null,
        flowId,
        kind: 'tickets.migrated',
        detail: {
          fromVersion: request.from,
          toVersion: request.to,
          count: tickets.length,
          tickets: tickets.slice(0, 100),
          reason: request.reason ?? null,
        },
      },
    ]);
    return { migrated: tickets.length, tickets };
  });
}

/** 409 unless the deployment is at `expected` (0: not deployed); it stays locked until the move commits. */
async function requireRevision(trx: Kysely<Database>, flowId: string, expected: number): Promise<void> {
  const row = await trx.selectFrom('deployments').select('revision').where('flow_id', '=', flowId).forUpdate().executeTakeFirst();
  if ((row?.revision ?? 0) !== expected) throw await rolloutConflict(trx, flowId, expected);
}

async function compiledVersion(trx: Kysely<Database>, flowId: string, version: number, field: string): Promise<CompiledFlow> {
  const row = await trx
    .selectFrom('flow_versions')
    .select('compiled')
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw unpublishedVersion(flowId, version, field);
  return readStored(compiledFlowShape, row.compiled, { table: 'flow_versions', key: `${flowId}@${version}` });
}

/** The node a persisted snapshot rests in; idle before the flow first moved. */
function stateOf(snapshot: unknown, ticketId: string, flowId: string): string {
  if (snapshot === null) return IDLE_STATE;
  const { value } = readStored(flowSnapshotShape, snapshot, { table: 'ticket_flows', key: `${ticketId}/${flowId}` });
  return typeof value === 'string' ? value : IDLE_STATE;
}

/** Why a run resting in `state` cannot go on in `target`; undefined when it can. */
function counterpartProblem(state: string, source: CompiledFlow, target: CompiledFlow, to: number): string | undefined {
  if (state === IDLE_STATE) return undefined;
  const states = target.machine.states;
  const was = source.nodes[state]?.type ?? 'unknown';
  if (!Object.hasOwn(states, state)) return `rests in node "${state}" (${was}), which version ${to} does not have`;
  const now = target.nodes[state]?.type;
  if (now !== was) return `rests in node "${state}" (${was}), which is a ${now ?? 'different'} node in version ${to}`;
  return undefined;
}
