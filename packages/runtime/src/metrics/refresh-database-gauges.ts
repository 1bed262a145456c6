import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { runtimeStats } from '../durable/runtime-stats';
import type { RuntimeMetrics } from './runtime-metrics';

/**
 * Sets the gauges that describe the whole store (backlog, lag, timers, effects, per-flow
 * errors and guardrail trips) from the database: called at each scrape, three queries.
 */
export async function refreshDatabaseGauges(metrics: RuntimeMetrics, db: Kysely<Database>, now: Date): Promise<void> {
  const [stats, timers, errors, trips] = await Promise.all([
    runtimeStats(db, now),
    sql<{ due: string; oldest: Date | null }>`
      select count(*) as due, min(due_at) as oldest from timers where due_at <= ${now}`.execute(db),
    db
      .selectFrom('flow_version_outcomes')
      .select(['flow_id', sql<string>`sum(errored)`.as('errored')])
      .groupBy('flow_id')
      .execute(),
    db
      .selectFrom('ops_notifications')
      .select(['flow_id', sql<string>`count(*)`.as('trips')])
      .where('kind', '=', 'rollout.guardrail_tripped')
      .groupBy('flow_id')
      .execute(),
  ]);
  metrics.ticketsDue.set(stats.ticketsDue);
  metrics.eventsPending.set(stats.eventsPending);
  metrics.lagSeconds.set(stats.lagMs / 1000);
  metrics.timersScheduled.set(stats.timersScheduled);
  const [due] = timers.rows;
  metrics.timersDue.set(Number(due?.due ?? 0));
  metrics.oldestTimerDueSeconds.set(due?.oldest ? Math.max(0, now.getTime() - new Date(due.oldest).getTime()) / 1000 : 0);
  for (const [status, count] of Object.entries(stats.effects)) metrics.effects.set({ status }, count);
  metrics.flowErrors.reset();
  for (const row of errors) metrics.flowErrors.set({ flow: row.flow_id }, Number(row.errored));
  metrics.guardrailTrips.reset();
  for (const row of trips) metrics.guardrailTrips.set({ flow: row.flow_id ?? '' }, Number(row.trips));
}

/**
 * The Prometheus text exposition of this process's metrics, database gauges refreshed first.
 * @example const { contentType, text } = await renderMetrics(metrics, ctx.db, ctx.clock.now());
 */
export async function renderMetrics(
  metrics: RuntimeMetrics,
  db: Kysely<Database>,
  now: Date,
): Promise<{ readonly contentType: string; readonly text: string }> {
  await refreshDatabaseGauges(metrics, db, now);
  return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
}
