import { type AnalyticsOverview, DEFAULT_SCORECARD, type Scorecard, type ScorecardMetric, type WeeklyReport } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readStored } from '../db/stored/read-stored';
import { scorecardShape } from '../db/stored/scorecard-shape';

/** Metrics where lower is better: their score is weight x target / actual. */
const LOWER_IS_BETTER: ReadonlySet<ScorecardMetric> = new Set(['firstResponseMedianMinutes', 'resolutionMedianHours']);

/** The actual figure of a scorecard metric in an overview; null when there is nothing to measure. */
export function scorecardActual(o: AnalyticsOverview, metric: ScorecardMetric): number | null {
  switch (metric) {
    case 'automationCoverage':
      return o.automationCoverage.rate;
    case 'fcr':
      return o.fcr.rate;
    case 'csatSatisfied':
      return o.csat.satisfiedShare;
    case 'csatMean':
      return o.csat.mean;
    case 'slaCompliance':
      return o.slaBreachRate.rate === null ? null : 1 - o.slaBreachRate.rate;
    case 'firstResponseMedianMinutes':
      return o.firstResponse.medianMs === null ? null : o.firstResponse.medianMs / 60_000;
    case 'resolutionMedianHours':
      return o.resolution.medianMs === null ? null : o.resolution.medianMs / 3_600_000;
  }
}

/**
 * Scores an overview: per metric, weight x actual / target (target / actual where lower is
 * better), capped at weight x cap; a metric without data scores 0. The total is their sum, out
 * of `max` (the weights times the cap).
 * @example scoreOf(overview, DEFAULT_SCORECARD).total
 */
export function scoreOf(o: AnalyticsOverview, card: Scorecard): WeeklyReport['scorecard'] {
  const rows = card.metrics.map(({ metric, target, weight }) => {
    const actual = scorecardActual(o, metric);
    const ratio = actual === null ? 0 : LOWER_IS_BETTER.has(metric) ? (actual <= 0 ? card.cap : target / actual) : actual / target;
    return { metric, target, weight, actual, score: weight * Math.min(card.cap, ratio) };
  });
  return {
    rows,
    total: rows.reduce((s, r) => s + r.score, 0),
    max: card.metrics.reduce((s, m) => s + m.weight * card.cap, 0),
  };
}

/** The scorecard saved, or the default one. */
export async function getScorecard(db: Kysely<Database>): Promise<Scorecard> {
  const row = await db.selectFrom('analytics_settings').select('value').where('id', '=', 'scorecard').executeTakeFirst();
  return row ? readStored(scorecardShape, row.value, { table: 'analytics_settings', key: 'scorecard' }) : DEFAULT_SCORECARD;
}

/** Saves the scorecard (PUT /api/reports/scorecard). */
export async function saveScorecard(
  ctx: { db: Kysely<Database>; clock: { now(): Date } },
  card: Scorecard,
  actor: string,
): Promise<Scorecard> {
  await ctx.db
    .insertInto('analytics_settings')
    .values({ id: 'scorecard', value: scorecardShape.json(card), updated_at: ctx.clock.now(), updated_by: actor })
    .onConflict((oc) => oc.column('id').doUpdateSet({ value: scorecardShape.json(card), updated_at: ctx.clock.now(), updated_by: actor }))
    .execute();
  return card;
}
