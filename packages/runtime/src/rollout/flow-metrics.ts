import type { FlowMetrics, MetricDifference, VersionMetrics } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { requireFlow } from './deployment-state';
import { meanDifference, medianDifference, proportionDifference, sortedMedian, type Difference } from './statistics';
import { rowHoldsKind } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import { requirePublished } from './require-published';

/** Per version, the raw samples behind the medians and CSAT. */
interface Samples {
  readonly firstResponse: Map<number, number[]>;
  readonly resolution: Map<number, number[]>;
  readonly csat: Map<number, number[]>;
}

/**
 * GET /api/flows/:id/metrics: each version's numbers over the tickets bound to it, and the
 * candidate against stable (or the two versions asked for) with 95% intervals.
 * @example const { comparison } = await flowMetrics(ctx, 'intake');
 */
export async function flowMetrics(
  ctx: RuntimeContext,
  flowId: string,
  compare: { stable?: number; candidate?: number } = {},
): Promise<FlowMetrics> {
  await requireFlow(ctx.db, flowId);
  const deployment = await ctx.db
    .selectFrom('deployments')
    .select(['stable', 'candidate'])
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
  const stable = compare.stable ?? deployment?.stable;
  const candidate = compare.candidate ?? deployment?.candidate ?? undefined;
  for (const [field, version] of [
    ['stable', compare.stable],
    ['candidate', compare.candidate],
  ] as const) {
    if (version !== undefined) await requirePublished(ctx.db, flowId, version, field);
  }
  const counts = await outcomeCounts(ctx.db, flowId);
  const versions = new Set(counts.map((c) => c.version));
  for (const v of [stable, candidate]) if (v !== undefined) versions.add(v);
  const samples = await loadSamples(ctx.db, flowId);
  const metrics = [...versions]
    .sort((a, b) => a - b)
    .map((version) =>
      versionMetrics(
        counts.find((c) => c.version === version) ?? emptyCounts(version),
        samples,
        version === deployment?.stable ? 'stable' : version === deployment?.candidate ? 'candidate' : 'retired',
      ),
    );
  const of = (version: number | undefined) => metrics.find((m) => m.version === version);
  const a = of(stable);
  const b = of(candidate);
  return {
    flowId,
    at: ctx.clock.now().toISOString(),
    versions: metrics,
    comparison:
      a && b && a.version !== b.version ? { stable: a.version, candidate: b.version, differences: compareVersions(a, b, samples) } : null,
  };
}

/** Per version: tickets bound, and how many of them were completed, errored, breached a deadline, escalated. */
interface OutcomeCounts {
  readonly version: number;
  readonly bound: number;
  readonly completed: number;
  readonly errors: number;
  readonly slaBreaches: number;
  readonly escalations: number;
}

/** The counts from the outcome rows (the same the guardrails' counters add up, plus completions). */
async function outcomeCounts(db: Kysely<Database>, flowId: string): Promise<OutcomeCounts[]> {
  return db
    .selectFrom('ticket_outcomes')
    .select([
      'version',
      sql<number>`count(*)::int`.as('bound'),
      sql<number>`count(completed_at)::int`.as('completed'),
      sql<number>`count(errored_at)::int`.as('errors'),
      sql<number>`count(sla_breached_at)::int`.as('slaBreaches'),
      sql<number>`count(escalated_at)::int`.as('escalations'),
    ])
    .where('flow_id', '=', flowId)
    .groupBy('version')
    .orderBy('version')
    .execute();
}

function emptyCounts(version: number): OutcomeCounts {
  return { version, bound: 0, completed: 0, errors: 0, slaBreaches: 0, escalations: 0 };
}

function versionMetrics(counts: OutcomeCounts, samples: Samples, role: VersionMetrics['role']): VersionMetrics {
  const { version, bound } = counts;
  const rate = (n: number) => (bound === 0 ? 0 : (100 * n) / bound);
  const scores = samples.csat.get(version) ?? [];
  return {
    version,
    role,
    ticketsBound: bound,
    completed: counts.completed,
    errors: counts.errors,
    slaBreaches: counts.slaBreaches,
    escalations: counts.escalations,
    firstResponseMedianMs: medianOf(samples.firstResponse.get(version)),
    resolutionMedianMs: medianOf(samples.resolution.get(version)),
    csat: {
      responses: scores.length,
      average: scores.length === 0 ? null : scores.reduce((s, x) => s + x, 0) / scores.length,
      satisfiedPercent: scores.length === 0 ? null : (100 * scores.filter((s) => s >= 4).length) / scores.length,
    },
    rates: {
      completion: rate(counts.completed),
      error: rate(counts.errors),
      slaBreach: rate(counts.slaBreaches),
      escalation: rate(counts.escalations),
    },
  };
}

function medianOf(values: readonly number[] | undefined): number | null {
  return values && values.length > 0 ? sortedMedian(Float64Array.from(values).sort()) : null;
}

/** Candidate minus stable for every metric, with which direction is better. */
function compareVersions(stable: VersionMetrics, candidate: VersionMetrics, samples: Samples): MetricDifference[] {
  const percentOf = (m: VersionMetrics, count: (m: VersionMetrics) => number) =>
    m.ticketsBound === 0 ? null : (100 * count(m)) / m.ticketsBound;
  const rate = (metric: string, count: (m: VersionMetrics) => number, higherIsBetter: boolean) =>
    difference(
      metric,
      'points',
      'two-proportion z-test',
      percentOf(stable, count),
      percentOf(candidate, count),
      proportionDifference(count(candidate), candidate.ticketsBound, count(stable), stable.ticketsBound),
      higherIsBetter,
    );
  const sampleOf = (map: Map<number, number[]>, m: VersionMetrics) => map.get(m.version) ?? [];
  const satisfied = (m: VersionMetrics) => sampleOf(samples.csat, m).filter((s) => s >= 4).length;
  return [
    rate('completionRate', (m) => m.completed, true),
    rate('errorRate', (m) => m.errors, false),
    rate('slaBreachRate', (m) => m.slaBreaches, false),
    rate('escalationRate', (m) => m.escalations, false),
    difference(
      'firstResponseMedianMs',
      'ms',
      'bootstrap',
      stable.firstResponseMedianMs,
      candidate.firstResponseMedianMs,
      medianDifference(sampleOf(samples.firstResponse, candidate), sampleOf(samples.firstResponse, stable)),
      false,
    ),
    difference(
      'resolutionMedianMs',
      'ms',
      'bootstrap',
      stable.resolutionMedianMs,
      candidate.resolutionMedianMs,
      medianDifference(sampleOf(samples.resolution, candidate), sampleOf(samples.resolution, stable)),
      false,
    ),
    difference(
      'csatAverage',
      'score',
      'welch',
      stable.csat.average,
      candidate.csat.average,
      meanDifference(sampleOf(samples.csat, candidate), sampleOf(samples.csat, stable)),
      true,
    ),
    difference(
      'csatSatisfiedPercent',
      'points',
      'two-proportion z-test',
      stable.csat.satisfiedPercent,
      candidate.csat.satisfiedPercent,
      proportionDifference(satisfied(candidate), candidate.csat.responses, satisfied(stable), stable.csat.responses),
      true,
    ),
  ];
}

function difference(
  metric: string,
  unit: MetricDifference['unit'],
  method: MetricDifference['method'],
  stable: number | null,
  candidate: number | null,
  diff: Difference | undefined,
  higherIsBetter: boolean,
): MetricDifference {
  const significant = diff !== undefined && (diff.low > 0 || diff.high < 0);
  return {
    metric,
    unit,
    stable,
    candidate,
    difference: diff?.difference ?? null,
    low: diff?.low ?? null,
    high: diff?.high ?? null,
    pValue: diff?.pValue ?? null,
    method,
    significant,
    better: significant ? diff.difference > 0 === higherIsBetter : null,
  };
}

/**
 * Time to first response and to resolution (ms) from the outcome rows, and CSAT scores from
 * the survey answers the audit holds (every answer counts), per version of the flow. Samples
 * come in ticket order, so the bootstrap intervals are the same on every refresh.
 */
async function loadSamples(db: Kysely<Database>, flowId: string): Promise<Samples> {
  const ms = (column: 'first_response_at' | 'resolved_at') =>
    sql<number>`(extract(epoch from ${sql.ref(column)} - started_at) * 1000)::float8`.as('ms');
  const firstResponse = await db
    .selectFrom('ticket_outcomes')
    .select(['version', ms('first_response_at')])
    .where('flow_id', '=', flowId)
    .where('first_response_at', 'is not', null)
    .orderBy('ticket_id')
    .execute();
  // The first time the ticket reached a done status, for tickets done now.
  const resolution = await db
    .selectFrom('ticket_outcomes')
    .select(['version', ms('resolved_at')])
    .where('flow_id', '=', flowId)
    .where('completed_at', 'is not', null)
    .where('resolved_at', 'is not', null)
    .orderBy('ticket_id')
    .execute();
  const answers = await db
    .selectFrom('ticket_outcomes as o')
    .innerJoin('audit_entries as a', 'a.ticket_id', 'o.ticket_id')
    .select(['o.version', 'a.id', 'a.at', 'a.actor', 'a.ticket_id', 'a.flow_id', 'a.kind', 'a.detail'])
    .where('o.flow_id', '=', flowId)
    .where('a.kind', '=', 'event.received')
    .where(rowHoldsKind('event.received', 'a'))
    .where(sql<boolean>`a.detail->'event'->>'type' = 'survey.response'`)
    .orderBy('a.row_id')
    .orderBy('a.ordinal')
    .execute();
  const csat = answers.flatMap((row) => {
    const entry = readAuditRow(row);
    return entry.kind === 'event.received' && entry.detail.event.type === 'survey.response'
      ? [{ version: row.version, score: entry.detail.event.score }]
      : [];
  });
  return {
    firstResponse: byVersion(firstResponse, (r) => r.ms),
    resolution: byVersion(resolution, (r) => r.ms),
    csat: byVersion(csat, (r) => r.score),
  };
}

function byVersion<R extends { version: number }>(rows: readonly R[], value: (row: R) => number): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const row of rows) {
    const list = map.get(row.version) ?? [];
    list.push(Number(value(row)));
    map.set(row.version, list);
  }
  return map;
}
