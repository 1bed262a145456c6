import type { WeeklyReport } from '@switchyard/api';
import { stringify } from 'csv-stringify/sync';

/**
 * The weekly report as CSV (UTF-8 with a BOM, so Excel reads Chinese right): the comparison
 * lines, the scorecard, then the categories, channels and agents of the week.
 * @example const text = weeklyCsv(report);
 */
export function weeklyCsv(report: WeeklyReport): string {
  const rows: (string | number | null)[][] = [
    ['section', 'metric', 'this week', 'week before', 'change', 'target', 'weight', 'score'],
    ...report.lines.map((l) => ['comparison', l.metric, l.current, l.previous, l.change, null, null, null]),
    ...report.scorecard.rows.map((r) => ['scorecard', r.metric, r.actual, null, null, r.target, r.weight, round(r.score)]),
    ['scorecard', 'total', null, null, null, null, report.scorecard.max, round(report.scorecard.total)],
    ...report.current.byCategory.map((c) => ['category', c.key === '' ? '(none)' : c.key, c.count, null, null, null, null, null]),
    ...report.current.byChannel.map((c) => ['channel', c.key, c.count, null, null, null, null, null]),
    ...report.current.agents.map((a) => ['agent', a.agent, a.handled, null, null, null, null, null]),
  ];
  return `\uFEFF${stringify(rows)}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
