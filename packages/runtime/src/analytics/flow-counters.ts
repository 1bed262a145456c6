import { IDLE } from '@switchyard/compiler';
import type { Compilable, InferResult, Kysely } from 'kysely';
import type { AuditEntry } from '../audit/audit-entry';
import type { Database } from '../db/schema';
import { durationBucket } from './duration-buckets';
import type { RuleMark } from './next-facts';
import { dayOf } from './ticket-facts';
import { type FlowCounter, flowCountersUpsert } from './write-rollups';

/** XState's timer events: a wait left by one ended by its timeout. */
const TIMEOUT_PREFIX = 'xstate.after.';

/** Where a ticket's flow rests and since when. */
export interface OpenWait {
  readonly node: string;
  readonly since: Date;
}

/** `ticket/flow` key of the open waits. */
export const waitKey = (ticketId: string, flowId: string) => `${ticketId}\u0000${flowId}`;

/**
 * The counters a batch of entries adds to its flows, in entry order: tickets bound, nodes
 * entered, edges taken (`source>target`, consecutive nodes of a transition), how long each
 * rest in a state lasted (duration buckets) and whether a timeout ended it, errors and dead
 * effects per node, and the rule-quality actions (routed, categorized, handoff, escalate).
 * `open` (where each ticket's flow rests) is updated in place. Pure: the recount runs it over
 * the whole history, the writer over each batch; both must agree.
 */
export function flowCounters(
  entries: readonly AuditEntry[],
  versionOf: (ticketId: string, flowId: string) => number | undefined,
  open: Map<string, OpenWait>,
): FlowCounter[] {
  const out: FlowCounter[] = [];
  for (const e of entries) {
    if (e.ticketId === null) continue;
    const day = dayOf(e.at);
    if (e.kind === 'ticket.created') {
      for (const b of e.detail.flows) out.push({ day, flowId: b.flowId, version: b.version, metric: 'bound', key: '', n: 1, total: 0 });
      continue;
    }
    if (e.flowId === null) continue;
    const version = versionOf(e.ticketId, e.flowId);
    if (version === undefined) continue;
    const count = (metric: string, key: string, total = 0) => out.push({ day, flowId: e.flowId ?? '', version, metric, key, n: 1, total });
    switch (e.kind) {
      case 'flow.transition': {
        const from = typeof e.detail.from === 'string' ? e.detail.from : IDLE;
        const to = typeof e.detail.to === 'string' ? e.detail.to : IDLE;
        const id = waitKey(e.ticketId, e.flowId);
        const rest = open.get(id);
        if (rest && rest.node === from) {
          const ms = Math.max(0, e.at.getTime() - rest.since.getTime());
          count('wait', `${from}|${durationBucket(ms)}`, ms);
          if (e.detail.event.startsWith(TIMEOUT_PREFIX)) count('timeout', from);
        }
        const chain = from === IDLE ? e.detail.visits : [from, ...e.detail.visits];
        for (const node of e.detail.visits) count('enter', node);
        for (let i = 1; i < chain.length; i++) count('edge', `${chain[i - 1] ?? ''}>${chain[i] ?? ''}`);
        if (to === IDLE) open.delete(id);
        else open.set(id, { node: to, since: e.at });
        break;
      }
      case 'flow.error':
        if (e.detail.node !== undefined) count('error', e.detail.node);
        break;
      case 'effect.dead':
        count('dead', e.detail.node);
        break;
      case 'action':
        if (['assign', 'transfer', 'handoff'].includes(e.detail.type)) count('routed', e.detail.node);
        if (e.detail.type === 'set_category') count('categorized', e.detail.node);
        if (e.detail.type === 'handoff') count('handoff', e.detail.node);
        if (e.detail.type === 'escalate') count('escalate', e.detail.node);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The counters of rule-quality marks, under the version the marked flow runs for the ticket. */
export function markCounters(
  marks: readonly RuleMark[],
  versionOf: (ticketId: string, flowId: string) => number | undefined,
): FlowCounter[] {
  return marks.flatMap((m) => {
    const version = versionOf(m.ticketId, m.flowId);
    return version === undefined ? [] : [{ day: dayOf(m.at), flowId: m.flowId, version, metric: m.mark, key: m.nodeId, n: 1, total: 0 }];
  });
}

/** The reads of `flowCounterWrites`: the tickets' bindings and, for tickets whose flows moved, their open waits. */
export function flowCounterReads(trx: Kysely<Database>, entries: readonly AuditEntry[]) {
  // Every ticket of the batch: a rule mark is on one of them.
  const all = [...new Set(entries.flatMap((e) => (e.ticketId === null ? [] : [e.ticketId])))];
  const moving = [...new Set(entries.flatMap((e) => (e.kind === 'flow.transition' && e.ticketId !== null ? [e.ticketId] : [])))];
  return {
    bindings:
      all.length === 0
        ? undefined
        : trx.selectFrom('ticket_flows').select(['ticket_id', 'flow_id', 'version']).where('ticket_id', 'in', all),
    rests: moving.length === 0 ? undefined : trx.selectFrom('analytics_waits_open').selectAll().where('ticket_id', 'in', moving),
  };
}

type CounterReads = ReturnType<typeof flowCounterReads>;

/** A batch's flow counters (in `shard`), open waits and rule marks: the statements that write them, from the rows of `flowCounterReads`. */
export function flowCounterWrites(
  trx: Kysely<Database>,
  entries: readonly AuditEntry[],
  marks: readonly RuleMark[],
  bindings: readonly InferResult<NonNullable<CounterReads['bindings']>>[number][],
  rests: readonly InferResult<NonNullable<CounterReads['rests']>>[number][],
  shard: number,
): Compilable<unknown>[] {
  const versions = new Map(bindings.map((b) => [waitKey(b.ticket_id, b.flow_id), b.version]));
  const versionOf = (ticketId: string, flowId: string) => versions.get(waitKey(ticketId, flowId));
  const moving = entries.filter((e) => e.kind === 'flow.transition' && e.ticketId !== null);
  const open = new Map(rests.map((r) => [waitKey(r.ticket_id, r.flow_id), { node: r.node_id, since: r.since }]));
  const counters = [...flowCounters(entries, versionOf, open), ...markCounters(marks, versionOf)];
  const writes: Compilable<unknown>[] = [];
  const upsert = flowCountersUpsert(trx, counters, shard);
  if (upsert) writes.push(upsert);
  if (moving.length > 0) {
    const touched = [...new Set(moving.flatMap((e) => (e.ticketId === null || e.flowId === null ? [] : [waitKey(e.ticketId, e.flowId)])))];
    // Sent in this order, run in this order: the waits still open replace the old rows.
    writes.push(
      trx.deleteFrom('analytics_waits_open').where((eb) =>
        eb.or(
          touched.map((k) => {
            const [ticketId = '', flowId = ''] = k.split('\u0000');
            return eb.and([eb('ticket_id', '=', ticketId), eb('flow_id', '=', flowId)]);
          }),
        ),
      ),
    );
    const kept = touched.flatMap((k) => {
      const rest = open.get(k);
      const [ticketId = '', flowId = ''] = k.split('\u0000');
      return rest ? [{ ticket_id: ticketId, flow_id: flowId, node_id: rest.node, since: rest.since }] : [];
    });
    if (kept.length > 0) writes.push(trx.insertInto('analytics_waits_open').values(kept));
  }
  if (marks.length > 0) {
    writes.push(
      trx
        .insertInto('analytics_rule_marks')
        .values(marks.map((m) => ({ ticket_id: m.ticketId, flow_id: m.flowId, node_id: m.nodeId, mark: m.mark, at: m.at }))),
    );
  }
  return writes;
}
