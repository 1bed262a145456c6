import { Ticket, type TicketEvent } from '@switchyard/flow';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../audit/audit-entry';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import type { Database } from '../db/schema';
import { effectResultShape, ticketEventShape } from '../db/stored/effect-shapes';
import { readStored } from '../db/stored/read-stored';
import { loadTickets, ticketFromRow } from '../durable/ticket-rows';
import type { EffectOutcome } from '../engine/effect-runner';
import { productionRecord, type ProductionRecord } from './production-record';

/** Something that reached the ticket from outside the flows' own run, in the order production applied it. */
export type InboxItem =
  | { readonly kind: 'event'; readonly at: number; readonly event: TicketEvent }
  | {
      readonly kind: 'effect';
      readonly at: number;
      readonly flowId: string;
      readonly node: string;
      /** The effect's idempotency key (`ticket:flow:node:visit`); undefined when no delivery entry names it. */
      readonly key: string | undefined;
      readonly outcome: EffectOutcome;
      readonly dead: boolean;
    };

/** A recorded ticket, rebuilt from its history for a replay. */
export interface ReplayHistory {
  /** The ticket as it arrived (what the flows set since is reset to a new ticket's). */
  readonly ticket: Ticket;
  /** The version of each flow it ran, in run order. */
  readonly bindings: readonly { readonly flowId: string; readonly version: number }[];
  /** Its events (customer messages, agent replies, status changes by people, survey answers) and its effects' results. */
  readonly inbox: readonly InboxItem[];
  /** Each assignment's recorded load, by `flow/node`, in visit order. */
  readonly loads: ReadonlyMap<string, readonly Readonly<Record<string, number>>[]>;
  /** What production did, to check the baseline against. */
  readonly production: ProductionRecord;
  /** Why it cannot be replayed faithfully (moved to another version while open), if so. */
  readonly unreplayable: string | undefined;
}

/**
 * Rebuilds tickets from what the runtime recorded, through its own readers: the ticket row
 * (as it arrived: its fields but none of what flows set), its inbox (`ticket_events`, parsed by
 * their stored shapes, in the order production applied them), and its audit entries (parsed by
 * the `AuditEntry` union: the versions bound at creation, who sent what, every transition and action).
 */
export async function loadReplayHistory(db: Kysely<Database>, ids: readonly string[], keys: DataKeyRing): Promise<ReplayHistory[]> {
  if (ids.length === 0) return [];
  const [rows, events, audit] = await Promise.all([
    loadTickets(db, ids, keys),
    db.selectFrom('ticket_events').selectAll().where('ticket_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('audit_entries').select(AUDIT_ENTRY_COLUMNS).where('ticket_id', 'in', ids).orderBy('row_id').orderBy('ordinal').execute(),
  ]);
  const entriesOf = groupBy(audit.map(readAuditRow), (e) => e.ticketId ?? '');
  const eventsOf = groupBy(events, (e) => e.ticket_id);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const current = ticketFromRow(row);
    const entries = entriesOf.get(id) ?? [];
    const created = entries.find((e): e is Extract<AuditEntry, { kind: 'ticket.created' }> => e.kind === 'ticket.created');
    const migrated = entries.find((e) => e.kind === 'flow.migrated' || e.kind === 'tickets.migrated');
    const keysInOrder = deliveryKeys(entries);
    const inbox = (eventsOf.get(id) ?? []).map((e): InboxItem => {
      const at = e.at.getTime();
      const where = { table: 'ticket_events', key: e.id };
      if (e.flow_id === null || e.node_id === null) return { kind: 'event', at, event: readStored(ticketEventShape, e.payload, where) };
      const result = readStored(effectResultShape, e.payload, where);
      const key = keysInOrder.get(`${e.flow_id}/${e.node_id}`)?.shift();
      return { kind: 'effect', at, flowId: e.flow_id, node: e.node_id, key, outcome: result.outcome, dead: result.dead === true };
    });
    return [
      {
        ticket: asArrived(current),
        bindings: created?.detail.flows ?? [],
        inbox,
        loads: recordedLoads(entries),
        production: productionRecord(current, entries),
        unreplayable: created ? (migrated ? 'the ticket was moved to another version while open' : undefined) : 'no ticket.created entry',
      },
    ];
  });
}

/**
 * The ticket as it arrived: what the customer sent, and every field flows set back at the
 * schema's "nothing decided yet" default (as `createTicket` opens one), so a field added to
 * the ticket is reset here without a second list.
 */
function asArrived(ticket: Ticket): Ticket {
  const { id, number, channel, subject, body, customer, orderId, createdAt } = ticket;
  return Ticket.parse({ id, number, channel, subject, body, customer, orderId, createdAt });
}

/** The idempotency keys of delivered or given-up effects, by `flow/node`, in the order their results were queued. */
function deliveryKeys(entries: readonly AuditEntry[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind !== 'effect.delivered' && e.kind !== 'effect.dead') continue;
    const at = `${e.flowId ?? ''}/${e.detail.node}`;
    keys.set(at, [...(keys.get(at) ?? []), e.detail.idempotencyKey]);
  }
  return keys;
}

function recordedLoads(entries: readonly AuditEntry[]): Map<string, Readonly<Record<string, number>>[]> {
  const loads = new Map<string, Readonly<Record<string, number>>[]>();
  for (const e of entries) {
    if (e.kind !== 'action' || e.detail.load === undefined) continue;
    const at = `${e.flowId ?? ''}/${e.detail.node}`;
    loads.set(at, [...(loads.get(at) ?? []), e.detail.load]);
  }
  return loads;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
