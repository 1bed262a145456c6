import type { AnalyticsOverview, WeeklyReport } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { analyticsOverview } from './analytics-overview';
import { addDays } from './period';
import { getScorecard, scoreOf } from './scorecard';

/** The Monday of ISO week `2026-W49` (the week holding January 4th is week 1). */
export function isoWeekStart(week: string): string {
  const [yearText = '', weekText = ''] = week.split('-W');
  const year = Number(yearText);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = addDays(`${yearText}-01-04`, -((jan4.getUTCDay() + 6) % 7));
  return addDays(monday, (Number(weekText) - 1) * 7);
}

/** The figures a weekly report compares, by name, from an overview. */
const LINES: readonly [string, (o: AnalyticsOverview) => number | null][] = [
  ['total', (o) => o.total],
  ['resolved', (o) => o.fcr.of],
  ['automationCoverage', (o) => o.automationCoverage.rate],
  ['fcr', (o) => o.fcr.rate],
  ['firstResponseMedianMs', (o) => o.firstResponse.medianMs],
  ['firstResponseP90Ms', (o) => o.firstResponse.p90Ms],
  ['resolutionMedianMs', (o) => o.resolution.medianMs],
  ['csatMean', (o) => o.csat.mean],
  ['csatSatisfiedShare', (o) => o.csat.satisfiedShare],
  ['slaBreachRate', (o) => o.slaBreachRate.rate],
];

/**
 * GET /api/reports/weekly: the ISO week's overview (optionally one group) against the week
 * before, line by line, and the quality scorecard of the week.
 * @example const report = await weeklyReport(ctx, { week: '2026-W49' });
 */
export async function weeklyReport(
  ctx: { db: Kysely<Database>; clock: Clock },
  query: { week: string; group?: string | undefined },
): Promise<WeeklyReport> {
  const from = isoWeekStart(query.week);
  const to = addDays(from, 6);
  const group = query.group === undefined ? {} : { group: query.group };
  const current = await analyticsOverview(ctx, { from, to, ...group });
  const previous = await analyticsOverview(ctx, { from: addDays(from, -7), to: addDays(from, -1), ...group });
  const lines = LINES.map(([metric, figure]) => {
    const now = figure(current);
    const before = figure(previous);
    return { metric, current: now, previous: before, change: now === null || before === null ? null : now - before };
  });
  return {
    week: query.week,
    from,
    to,
    group: query.group ?? null,
    lines,
    current,
    previous,
    scorecard: scoreOf(current, await getScorecard(ctx.db)),
  };
}
