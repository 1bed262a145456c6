import type { TicketTrace, TraceStep } from '@switchyard/api';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import { readCompiled, readPublished } from '../catalog/read-document';
import type { Database } from '../db/schema';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { readStored } from '../db/stored/read-stored';
import { NotFoundError } from '../errors';
import { traceSteps } from './trace-steps';

const IDLE = '_idle';

/**
 * Why each flow bound to a ticket did what it did, from its audited history: the path with
 * times, each condition's answer (the port it took) and the inputs it recorded, timers set,
 * fired and cancelled, effects with attempts; with the version, the resting node and the
 * pending timers of each flow.
 */
export async function ticketTrace(db: Kysely<Database>, ticketId: string, _registry?: NodeRegistry): Promise<TicketTrace> {
  const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  const bindings = await db
    .selectFrom('ticket_flows')
    .innerJoin('flow_versions', (j) =>
      j.onRef('flow_versions.flow_id', '=', 'ticket_flows.flow_id').onRef('flow_versions.version', '=', 'ticket_flows.version'),
    )
    .leftJoin('deployments', 'deployments.flow_id', 'ticket_flows.flow_id')
    .select(['ticket_flows.flow_id', 'ticket_flows.version', 'ticket_flows.snapshot', 'flow_versions.document', 'flow_versions.compiled'])
    .where('ticket_flows.ticket_id', '=', ticketId)
    .orderBy('deployments.position')
    .orderBy('ticket_flows.flow_id')
    .execute();
  const timers = await db.selectFrom('timers').selectAll().where('ticket_id', '=', ticketId).orderBy('due_at').execute();
  const rows = await db
    .selectFrom('audit_entries')
    .select(AUDIT_ENTRY_COLUMNS)
    .where('ticket_id', '=', ticketId)
    .where('flow_id', 'is not', null)
    .orderBy('row_id')
    .orderBy('ordinal')
    .execute();
  const entries = rows.map(readAuditRow);
  return {
    flows: bindings.map((b) => {
      const document = readPublished(b.flow_id, b.version, b.document);
      const compiled = readCompiled(b.flow_id, b.version, b.compiled);
      const snapshot =
        b.snapshot === null ? null : readStored(flowSnapshotShape, b.snapshot, { table: 'ticket_flows', key: `${ticketId}/${b.flow_id}` });
      const value = snapshot?.value;
      const node = typeof value === 'string' && value !== IDLE ? value : null;
      const steps: TraceStep[] = traceSteps(
        entries.filter((e) => e.flowId === b.flow_id),
        document,
        compiled,
      );
      return {
        flowId: b.flow_id,
        version: b.version,
        node,
        timers: timers
          .filter((t) => t.flow_id === b.flow_id)
          .map((t) => ({ node: t.timer_id.slice(t.timer_id.lastIndexOf('.') + 1), event: t.event_type, dueAt: t.due_at.toISOString() })),
        steps,
      };
    }),
  };
}
