import type { FlowMetrics, MetricDifference, VersionMetrics } from '@switchyard/api';
import type { MessageKey } from '../i18n/messages-en';
import type { Locale } from '../i18n/translate';
import { formatCsat, formatMetricValue, formatMs } from '@switchyard/api';

/** One line of the comparison: a metric of stable and of the candidate, and their difference when the server computed one. */
export interface ComparisonRow {
  readonly key: string;
  /** The UI text naming it; null for a metric this editor does not know (its server name is shown). */
  readonly label: MessageKey | null;
  readonly stable: string;
  readonly candidate: string;
  readonly difference: MetricDifference | null;
}

interface RowSpec {
  readonly key: string;
  readonly label: MessageKey;
  /** The `metric` of the server's difference for this row (see packages/runtime rollout/flow-metrics). */
  readonly metric: string | null;
  readonly value: (m: VersionMetrics, locale: Locale) => string;
}

const countAndRate = (count: number, rate: number, locale: Locale) => `${count} (${formatMetricValue(rate, 'points', locale)})`;
const median = (ms: number | null, locale: Locale) => (ms === null ? '—' : formatMs(ms, locale));

const ROWS: readonly RowSpec[] = [
  { key: 'ticketsBound', label: 'rollout.metric.ticketsBound', metric: null, value: (m) => String(m.ticketsBound) },
  {
    key: 'completed',
    label: 'rollout.metric.completed',
    metric: 'completionRate',
    value: (m, l) => countAndRate(m.completed, m.rates.completion, l),
  },
  { key: 'errors', label: 'rollout.metric.errors', metric: 'errorRate', value: (m, l) => countAndRate(m.errors, m.rates.error, l) },
  {
    key: 'slaBreaches',
    label: 'rollout.metric.slaBreaches',
    metric: 'slaBreachRate',
    value: (m, l) => countAndRate(m.slaBreaches, m.rates.slaBreach, l),
  },
  {
    key: 'escalations',
    label: 'rollout.metric.escalations',
    metric: 'escalationRate',
    value: (m, l) => countAndRate(m.escalations, m.rates.escalation, l),
  },
  {
    key: 'firstResponse',
    label: 'rollout.metric.firstResponse',
    metric: 'firstResponseMedianMs',
    value: (m, l) => median(m.firstResponseMedianMs, l),
  },
  { key: 'resolution', label: 'rollout.metric.resolution', metric: 'resolutionMedianMs', value: (m, l) => median(m.resolutionMedianMs, l) },
  {
    key: 'csat',
    label: 'rollout.metric.csat',
    metric: 'csatAverage',
    value: (m, l) => formatCsat(m.csat, l),
  },
  {
    key: 'csatSatisfied',
    label: 'rollout.metric.csatSatisfied',
    metric: 'csatSatisfiedPercent',
    value: (m, l) => formatMetricValue(m.csat.satisfiedPercent, 'points', l),
  },
];

/**
 * The comparison table: the versions compared (the server's `comparison`, else the stable and
 * candidate roles) side by side per metric, each with the server's difference. Differences of
 * metrics not listed here still get a row, so nothing the server computes is hidden.
 */
export function comparisonRows(
  metrics: FlowMetrics,
  locale: Locale,
): { stable: number | null; candidate: number | null; rows: ComparisonRow[] } {
  const stableVersion = metrics.comparison?.stable ?? metrics.versions.find((v) => v.role === 'stable')?.version ?? null;
  const candidateVersion = metrics.comparison?.candidate ?? metrics.versions.find((v) => v.role === 'candidate')?.version ?? null;
  const stable = metrics.versions.find((v) => v.version === stableVersion);
  const candidate = metrics.versions.find((v) => v.version === candidateVersion);
  const differences = metrics.comparison?.differences ?? [];
  const rows: ComparisonRow[] = ROWS.map((spec) => ({
    key: spec.key,
    label: spec.label,
    stable: stable ? spec.value(stable, locale) : '—',
    candidate: candidate ? spec.value(candidate, locale) : '—',
    difference: differences.find((d) => d.metric === spec.metric) ?? null,
  }));
  const known = new Set(ROWS.map((r) => r.metric));
  for (const d of differences.filter((x) => !known.has(x.metric))) {
    rows.push({
      key: d.metric,
      label: null,
      stable: formatMetricValue(d.stable, d.unit, locale),
      candidate: formatMetricValue(d.candidate, d.unit, locale),
      difference: d,
    });
  }
  return { stable: stableVersion, candidate: candidateVersion, rows };
}
