import { formatMs, type AnalyticsOverview, type FlowAnalytics } from '@switchyard/api';
import type { Locale } from '../i18n/translate';

/** A rate as a percentage with one decimal, or a dash when nothing was counted. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A duration in the reader's language, or a dash. */
export function duration(ms: number | null, locale: Locale): string {
  return ms === null ? '—' : formatMs(ms, locale);
}

/** The UTC day `n` days before `day` (`YYYY-MM-DD`). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

/** The period of the last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: daysBefore(today, days - 1), to: today };
}

/** The ISO week (`2026-W49`) holding a UTC day: what `<input type="week">` and the weekly report take. */
export function isoWeekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((d.getTime() - jan4.getTime()) / 604_800_000 - 3 / 7 + ((jan4.getUTCDay() + 6) % 7) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The dashboard's headline figures, each with the key of the sentence saying how it is computed. */
export function headlineFigures(o: AnalyticsOverview, locale: Locale) {
  return [
    { id: 'total', value: String(o.total), how: 'analytics.how.total' },
    {
      id: 'firstResponse',
      value: `${duration(o.firstResponse.medianMs, locale)} / ${duration(o.firstResponse.p90Ms, locale)}`,
      how: 'analytics.how.firstResponse',
    },
    {
      id: 'resolution',
      value: `${duration(o.resolution.medianMs, locale)} / ${duration(o.resolution.p90Ms, locale)}`,
      how: 'analytics.how.resolution',
    },
    { id: 'fcr', value: percent(o.fcr.rate), how: 'analytics.how.fcr' },
    {
      id: 'csat',
      value: o.csat.mean === null ? '—' : `${o.csat.mean.toFixed(2)} · ${percent(o.csat.satisfiedShare)}`,
      how: 'analytics.how.csat',
    },
    { id: 'slaBreachRate', value: percent(o.slaBreachRate.rate), how: 'analytics.how.slaBreachRate' },
    { id: 'overdue', value: String(o.overdue), how: 'analytics.how.overdue' },
    { id: 'automationCoverage', value: percent(o.automationCoverage.rate), how: 'analytics.how.automationCoverage' },
  ] as const;
}

/** A heat colour from cool (few) to hot (many) for a node's share of the busiest node's tickets. */
export function heatColour(entered: number, busiest: number): string {
  const share = busiest === 0 ? 0 : Math.min(1, entered / busiest);
  const hue = Math.round(210 - 210 * share);
  return `hsl(${hue} 80% 50%)`;
}

/** Per node and edge, what the canvas overlay draws: badge text, heat colour, edge label and width. */
export function overlayOf(figures: FlowAnalytics, locale: Locale) {
  const busiest = Math.max(0, ...figures.nodes.map((n) => n.entered));
  const mostTaken = Math.max(0, ...figures.edges.map((e) => e.count));
  const nodes = new Map(
    figures.nodes.map((n) => {
      const parts = [String(n.entered)];
      if (n.wait) parts.push(`${duration(n.wait.medianMs, locale)} · ⏱${percent(n.wait.timeoutShare)}`);
      if (n.errors + n.deadLettered > 0) parts.push(`⚠${n.errors + n.deadLettered}`);
      return [n.id, { badge: parts.join(' · '), heat: heatColour(n.entered, busiest), figures: n }];
    }),
  );
  const edges = new Map(
    figures.edges.map((e) => [
      e.id,
      {
        label: e.share === null || e.share === 1 ? String(e.count) : `${e.count} · ${percent(e.share)}`,
        width: 1.5 + (mostTaken === 0 ? 0 : (6 * e.count) / mostTaken),
      },
    ]),
  );
  return { nodes, edges };
}
export type Overlay = ReturnType<typeof overlayOf>;

/** The entered count, or a dash where the version has no such node. */
const enteredText = (n: { entered: number } | undefined) => (n === undefined ? '—' : String(n.entered));

/**
 * Two versions of a flow side by side on one canvas: each node badge reads "v3 42 | v2 38", each
 * edge "v3 12 · 40.0% | v2 9 · 30.0%", so a branch share that moved shows where it moved. Heat and
 * edge width follow the first version; a node or edge only one version has shows a dash for the other.
 */
export function comparedOverlayOf(first: FlowAnalytics, second: FlowAnalytics, locale: Locale): Overlay {
  const one = overlayOf(first, locale);
  const two = overlayOf(second, locale);
  const [a, b] = [`v${first.version ?? '?'}`, `v${second.version ?? '?'}`];
  const nodes = new Map(
    [...new Set([...one.nodes.keys(), ...two.nodes.keys()])].flatMap((id) => {
      const x = one.nodes.get(id);
      const y = two.nodes.get(id);
      const figures = x?.figures ?? y?.figures;
      if (figures === undefined) return [];
      const badge = `${a} ${enteredText(x?.figures)} | ${b} ${enteredText(y?.figures)}`;
      return [[id, { badge, heat: x?.heat ?? heatColour(0, 0), figures }] as const];
    }),
  );
  const edges = new Map(
    [...new Set([...one.edges.keys(), ...two.edges.keys()])].map((id) => {
      const x = one.edges.get(id);
      const y = two.edges.get(id);
      return [id, { label: `${a} ${x?.label ?? '—'} | ${b} ${y?.label ?? '—'}`, width: x?.width ?? 1.5 }] as const;
    }),
  );
  return { nodes, edges };
}
