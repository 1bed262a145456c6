import {
  type FlowMetrics,
  formatCsat,
  formatDifference,
  formatInterval,
  formatMetricValue,
  formatMs,
  formatPValue,
  type Rollout,
  type RolloutChange,
  type RolloutSplit,
  verdictOf,
} from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { formatGuardrail } from './parse-guardrail';
import { rolloutMessages } from './rollout-messages';
import { textTable } from './text-table';

/** Figures in table cells: durations as 1h30m, in the report's language. */
const cell = (locale: Locale) => ({ locale, compact: true });

/** History lines `switchyard rollout` prints; the server keeps them all. */
const HISTORY_LINES = 10;

const splitText = (split: RolloutSplit | null, locale: Locale) =>
  split ? rolloutMessages(locale).split(split.stable, split.candidate, split.percent) : '—';

function historyLine(change: RolloutChange, locale: Locale): string[] {
  return [
    change.at,
    change.actor,
    change.kind,
    `${splitText(change.from, locale)} -> ${splitText(change.to, locale)}`,
    change.reason ?? '',
  ];
}

/**
 * The rollout as people read it: the split, the ramp, the guardrails, a tripped guardrail,
 * the last history lines.
 */
export function renderRollout(rollout: Rollout, locale: Locale): string {
  const m = rolloutMessages(locale);
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const lines = [
    `${m.flowHeading(rollout.flowId)}${colon}${m.split(rollout.stable, rollout.candidate, rollout.percent)}${m.revisionShown(rollout.revision)}`,
  ];
  const ramp = rollout.ramp;
  lines.push(
    `${m.ramp}${colon}${
      ramp
        ? [
            m.rampPlan(ramp.steps.join(' -> '), ramp.every),
            ramp.step >= 0 ? m.rampAt(ramp.step + 1, ramp.steps.length) : '',
            ramp.nextStepAt ? m.rampNext(ramp.nextStepAt) : m.rampDone,
          ]
            .filter(Boolean)
            .join(' · ')
        : m.rampNone
    }`,
  );
  lines.push(`${m.guardrails}${colon}${rollout.guardrails.length ? rollout.guardrails.map(formatGuardrail).join(', ') : m.guardrailsNone}`);
  const trip = rollout.tripped;
  if (trip) {
    const rate = (value: number) => formatMetricValue(value, 'points', cell(locale));
    const what = m.trippedRates(
      formatGuardrail(trip.guardrail),
      rate(trip.candidateRate),
      trip.stableRate === null ? null : rate(trip.stableRate),
      trip.candidateTickets,
    );
    lines.push(m.tripped(what, trip.at));
  }
  lines.push('', `${m.history}${colon}`.trimEnd());
  const history = rollout.history.slice(0, HISTORY_LINES);
  lines.push(...(history.length ? textTable(history.map((c) => historyLine(c, locale))).map((l) => `  ${l}`) : [`  ${m.noHistory}`]));
  return `${lines.join('\n')}\n`;
}

/** The numbers of each version, then the candidate against stable with intervals and verdicts. */
export function renderMetrics(metrics: FlowMetrics, locale: Locale): string {
  const m = rolloutMessages(locale);
  const col = m.columns;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const countAndRate = (count: number, rate: number) => `${count} (${formatMetricValue(rate, 'points', cell(locale))})`;
  const versions = [
    [
      col.version,
      col.role,
      col.tickets,
      col.completed,
      col.errors,
      col.slaBreaches,
      col.escalations,
      col.firstResponse,
      col.resolution,
      col.csat,
    ],
    ...metrics.versions.map((v) => [
      `v${v.version}`,
      v.role,
      String(v.ticketsBound),
      countAndRate(v.completed, v.rates.completion),
      countAndRate(v.errors, v.rates.error),
      countAndRate(v.slaBreaches, v.rates.slaBreach),
      countAndRate(v.escalations, v.rates.escalation),
      v.firstResponseMedianMs === null ? '—' : formatMs(v.firstResponseMedianMs, cell(locale)),
      v.resolutionMedianMs === null ? '—' : formatMs(v.resolutionMedianMs, cell(locale)),
      formatCsat(v.csat, cell(locale)),
    ]),
  ];
  const lines = [`${m.versions}${colon}`.trimEnd(), ...textTable(versions, [2]).map((l) => `  ${l}`), ''];
  const comparison = metrics.comparison;
  if (!comparison) return `${[...lines, m.noComparison].join('\n')}\n`;
  const rows = [
    [col.metric, col.stable, col.candidate, col.difference, col.interval, col.p, col.verdict],
    ...comparison.differences.map((d) => [
      d.metric,
      formatMetricValue(d.stable, d.unit, cell(locale)),
      formatMetricValue(d.candidate, d.unit, cell(locale)),
      formatDifference(d.difference, d.unit, cell(locale)),
      formatInterval(d.low, d.high, d.unit, cell(locale)),
      formatPValue(d.pValue),
      m.verdict[verdictOf(d)],
    ]),
  ];
  lines.push(`${m.comparison(comparison.candidate, comparison.stable)}${colon}`.trimEnd(), ...textTable(rows).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
