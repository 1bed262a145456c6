import { DONE_STATUSES } from '../audit/outcome-marks';
import { durationBucket } from './duration-buckets';

/** What the dashboard knows of one ticket (a row of `analytics_tickets`). */
export interface TicketFacts {
  readonly ticketId: string;
  readonly createdAt: Date;
  readonly channel: string;
  readonly group: string;
  readonly category: string;
  readonly status: string;
  readonly assignee: string;
  readonly firstResponseMs: number | null;
  readonly resolvedAt: Date | null;
  readonly agentReplies: number;
  readonly reopened: boolean;
  readonly csat: number | null;
  readonly breached: boolean;
}

/** One count a ticket adds to a day's rollup: under its creation day, group and channel. */
export interface Contribution {
  readonly day: string;
  readonly group: string;
  readonly channel: string;
  readonly metric: string;
  readonly key: string;
  readonly n: number;
  readonly total: number;
}

/** Whether a status ends the ticket's service (resolved, closed). */
export function isDone(status: string): boolean {
  return (DONE_STATUSES as readonly string[]).includes(status);
}

/** The UTC day of a time, `2026-12-06`: analytics days are UTC days. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * What one ticket adds to the daily rollup: the one definition of every dashboard figure's
 * numerator and denominator (README, "Analytics"). The rollup changes by
 * `contributions(after) - contributions(before)` whenever a ticket's facts change, and a full
 * recount sums `contributions` over every ticket: the two must agree.
 * @example contributions(facts).find((c) => c.metric === 'status') // { key: 'new', n: 1, ... }
 */
export function contributions(f: TicketFacts): Contribution[] {
  const base = { day: dayOf(f.createdAt), group: f.group, channel: f.channel };
  const out: Contribution[] = [];
  const add = (metric: string, key = '', total = 0) => out.push({ ...base, metric, key, n: 1, total });
  const done = isDone(f.status);
  add('status', f.status);
  add('category', f.category);
  add('channel', f.channel);
  if (f.firstResponseMs !== null) add('first_response', String(durationBucket(f.firstResponseMs)), f.firstResponseMs);
  const resolutionMs = done && f.resolvedAt ? Math.max(0, f.resolvedAt.getTime() - f.createdAt.getTime()) : null;
  if (resolutionMs !== null) add('resolution', String(durationBucket(resolutionMs)), resolutionMs);
  if (done) add('done');
  if (done && f.agentReplies <= 1 && !f.reopened) add('fcr');
  if (done && f.agentReplies === 0) add('automated');
  if (f.csat !== null) add('csat', String(f.csat), f.csat);
  if (f.breached) add('breached');
  if (f.breached && !done) add('overdue');
  if (f.assignee !== '') {
    add('agent', f.assignee);
    if (done) add('agent_done', f.assignee);
    if (f.csat !== null) add('agent_csat', f.assignee, f.csat);
    if (f.breached && !done) add('agent_overdue', f.assignee);
  }
  return out;
}

/** Sums contributions by their key (day, group, channel, metric, key), dropping those that cancel out. */
export function sumContributions(list: readonly Contribution[]): Contribution[] {
  const sums = new Map<string, Contribution>();
  for (const c of list) {
    // A joined key (NUL never appears in days, groups, channels or keys): this runs for every ticket of every batch.
    const id = `${c.day}\u0000${c.group}\u0000${c.channel}\u0000${c.metric}\u0000${c.key}`;
    const s = sums.get(id);
    sums.set(id, s ? { ...s, n: s.n + c.n, total: s.total + c.total } : c);
  }
  return [...sums.values()].filter((c) => c.n !== 0 || c.total !== 0);
}

/** The negated contributions: what removing a ticket's old facts takes away. */
export function negated(list: readonly Contribution[]): Contribution[] {
  return list.map((c) => ({ ...c, n: -c.n, total: -c.total }));
}
