import type { Deadline, RunningSla, TicketView } from '@switchyard/api';
import { readSlaClock } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import type { Database } from '../db/schema';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { readStored } from '../db/stored/read-stored';
import { loadTickets, statsFromRow, ticketFromRow, type TicketWithCustomer } from './ticket-rows';

/** A ticket as the API shows it (@switchyard/api's `TicketView`) and its SLA deadlines. */
export type { Deadline, TicketView };

export interface TicketFilter {
  readonly status?: string | undefined;
  readonly group?: string | undefined;
  readonly assignee?: string | undefined;
  /** At most this many, newest first (default 100, at most 1000). */
  readonly limit?: number | undefined;
  /** Only tickets of these groups or assigned to this agent (an agent's or supervisor's reach); absent: every ticket. */
  readonly scope?: { readonly groups: readonly string[]; readonly agentId: string | null } | undefined;
}

/** A ticket by id, its customer's name and contact opened with `keys` (default: this process's data keys). */
export async function getTicket(db: Kysely<Database>, id: string, keys?: DataKeyRing): Promise<TicketView | undefined> {
  const [view] = await views(db, await loadTickets(db, [id], keys));
  return view;
}

/** Tickets matching every given filter, newest first. */
export async function listTickets(db: Kysely<Database>, filter: TicketFilter = {}, keys?: DataKeyRing): Promise<TicketView[]> {
  let query = db
    .selectFrom('tickets')
    .select('id')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.group) query = query.where('group', '=', filter.group);
  if (filter.assignee) query = query.where('assignee', '=', filter.assignee);
  const { scope } = filter;
  if (scope)
    query = query.where((eb) =>
      eb.or([
        ...(scope.groups.length > 0 ? [eb('group', 'in', [...scope.groups])] : []),
        ...(scope.agentId !== null ? [eb('assignee', '=', scope.agentId)] : []),
        eb.val(false),
      ]),
    );
  const ids = (await query.execute()).map((r) => r.id);
  const byId = new Map((await loadTickets(db, ids, keys)).map((row) => [row.id, row]));
  return views(
    db,
    ids.map((id) => byId.get(id)).filter((row) => row !== undefined),
  );
}

/** Tickets by id as the API shows them, in the order of `ids` (those missing left out). */
export async function ticketViews(db: Kysely<Database>, ids: readonly string[], keys?: DataKeyRing): Promise<TicketView[]> {
  const byId = new Map((await loadTickets(db, ids, keys)).map((row) => [row.id, row]));
  return views(
    db,
    ids.map((id) => byId.get(id)).filter((row) => row !== undefined),
  );
}

async function views(db: Kysely<Database>, rows: readonly TicketWithCustomer[]): Promise<TicketView[]> {
  if (rows.length === 0) return [];
  const bindings = await db
    .selectFrom('ticket_flows')
    .leftJoin('deployments', 'deployments.flow_id', 'ticket_flows.flow_id')
    .select(['ticket_flows.ticket_id', 'ticket_flows.flow_id', 'ticket_flows.version', 'ticket_flows.snapshot'])
    .where(
      'ticket_flows.ticket_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('deployments.position')
    .orderBy('ticket_flows.flow_id')
    .execute();
  const timers = await db
    .selectFrom('timers')
    .select(['ticket_id', 'flow_id', 'timer_id', 'due_at'])
    .where(
      'ticket_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('due_at')
    .execute();
  return rows.map((row) => {
    const stats = statsFromRow(row);
    return {
      ...ticketFromRow(row),
      stats: { ...stats, recentMessages: [...stats.recentMessages] },
      updatedAt: row.updated_at.toISOString(),
      flows: bindings.filter((b) => b.ticket_id === row.id).map((b) => ({ flowId: b.flow_id, version: b.version })),
      deadlines: timers
        .filter((t) => t.ticket_id === row.id)
        .map((t): Deadline => ({ flowId: t.flow_id, node: waitNodeOf(t.timer_id), dueAt: t.due_at.toISOString() })),
      slas: runningSlas(bindings.filter((b) => b.ticket_id === row.id)),
    };
  });
}

/** A wait's timer id is XState's `xstate.after.<delay>.<flow>.<state>`; the state is the wait node (ids have no dots). */
function waitNodeOf(timerId: string): string {
  return timerId.slice(timerId.lastIndexOf('.') + 1);
}

/** The SLA clocks the ticket's flows keep in their runs (a policy node's memory in `vars`), earliest due first, paused last. */
function runningSlas(bindings: readonly { ticket_id: string; flow_id: string; snapshot: unknown }[]): RunningSla[] {
  const slas: RunningSla[] = [];
  for (const b of bindings) {
    if (b.snapshot === null || b.snapshot === undefined) continue;
    const snapshot = readStored(flowSnapshotShape, b.snapshot, { table: 'ticket_flows', key: `${b.ticket_id}/${b.flow_id}` });
    for (const [node, memory] of Object.entries(snapshot.context.vars)) {
      const clock = readSlaClock(memory);
      if (!clock) continue;
      slas.push({
        flowId: b.flow_id,
        node,
        target: clock.target,
        state: clock.state,
        dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
        leftMs: Math.round(clock.leftMs),
        since: new Date(clock.since).toISOString(),
        startedAt: new Date(clock.startedAt).toISOString(),
        warned: clock.warned,
      });
    }
  }
  return slas.sort((a, b) => (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
}
