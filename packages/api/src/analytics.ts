import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

const Day = z.iso.date();
const Rate = z.number().min(0).max(1).nullable();
const Ms = z.number().nullable();
const Count = z.number().int();

/** A period of whole UTC days, `from` to `to` inclusive (both `YYYY-MM-DD`); defaults: the last 30 days. */
const Period = {
  from: Day.optional().meta({ example: '2026-11-07' }),
  to: Day.optional().meta({ example: '2026-12-06' }),
};

/** GET /api/analytics/overview query. */
export const OverviewQuery = z.strictObject({
  ...Period,
  group: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'after_sales' }),
  channel: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'chat' }),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** A count under a key, and its share of the total (null when the total is 0). */
export const KeyCount = z.object({ key: z.string(), count: Count, share: Rate }).meta({ id: 'KeyCount' });
/** Median and 90th percentile of a duration (ms) over `count` tickets; exact, or within 2% (see README, Analytics). */
export const DurationFigure = z.object({ count: Count, medianMs: Ms, p90Ms: Ms }).meta({ id: 'DurationFigure' });
/** A rate: `count` of `of`. */
export const RateFigure = z.object({ count: Count, of: Count, rate: Rate }).meta({ id: 'RateFigure' });

/** One agent's figures over the tickets assigned to them. */
export const AgentFigures = z
  .object({
    agent: z.string(),
    tickets: Count,
    handled: Count,
    firstResponseMedianMs: Ms,
    csatMean: z.number().nullable(),
    csatResponses: Count,
    overdue: Count,
  })
  .meta({ id: 'AgentFigures' });

/**
 * GET /api/analytics/overview: the team dashboard over the tickets created in the period (with
 * the group and channel asked for). `overdue` is now, whatever the creation day.
 */
export const AnalyticsOverview = z
  .object({
    from: Day,
    to: Day,
    group: z.string().nullable(),
    channel: z.string().nullable(),
    total: Count,
    byStatus: z.array(KeyCount),
    byDay: z.array(z.object({ day: Day, count: Count })),
    byCategory: z.array(KeyCount),
    byChannel: z.array(KeyCount),
    firstResponse: DurationFigure,
    resolution: DurationFigure,
    fcr: RateFigure,
    csat: z.object({ responses: Count, mean: z.number().nullable(), satisfiedShare: Rate, responseRate: Rate }),
    slaBreachRate: RateFigure,
    overdue: Count,
    automationCoverage: RateFigure,
    agents: z.array(AgentFigures),
  })
  .meta({ id: 'AnalyticsOverview' });
export type AnalyticsOverview = z.infer<typeof AnalyticsOverview>;

/** GET /api/flows/:id/analytics query: a period and a version (all versions when absent). */
export const FlowAnalyticsQuery = z.strictObject({
  ...Period,
  version: z.coerce.number().int().min(1).max(1_000_000).optional().meta({ example: 2 }),
});
export type FlowAnalyticsQuery = z.infer<typeof FlowAnalyticsQuery>;

/** A wait's time (ms) in the period: median and p95 of the waits that ended, and how many ended by the timeout. */
export const WaitFigures = z
  .object({ count: Count, medianMs: Ms, p95Ms: Ms, timeouts: Count, timeoutShare: Rate })
  .meta({ id: 'WaitFigures' });

/** One node's figures. Rule quality: misroutes per automated assignment, corrections per category set. */
export const NodeAnalytics = z
  .object({
    id: z.string(),
    kind: z.string(),
    type: z.string(),
    entered: Count,
    errors: Count,
    deadLettered: Count,
    wait: WaitFigures.nullable(),
    routed: Count,
    misroutes: Count,
    misrouteRate: Rate,
    categorized: Count,
    corrections: Count,
    accuracy: Rate,
    handoffs: Count,
    escalations: Count,
  })
  .meta({ id: 'NodeAnalytics' });

/** One edge's count, and its share of the tickets leaving its source node. */
export const EdgeAnalytics = z
  .object({ id: z.string(), source: z.string(), target: z.string(), count: Count, share: Rate })
  .meta({ id: 'EdgeAnalytics' });

/** GET /api/flows/:id/analytics. */
export const FlowAnalytics = z
  .object({
    flowId: z.string(),
    from: Day,
    to: Day,
    version: z.number().int().nullable(),
    /** Versions with tickets in the period. */
    versions: z.array(z.number().int()),
    /** Tickets bound to the flow (the version) in the period. */
    tickets: Count,
    handoffsPer100: z.number().nullable(),
    escalationsPer100: z.number().nullable(),
    nodes: z.array(NodeAnalytics),
    edges: z.array(EdgeAnalytics),
  })
  .meta({ id: 'FlowAnalytics' });
export type FlowAnalytics = z.infer<typeof FlowAnalytics>;

/** GET /api/flows/:id/analytics/tickets query: tickets that passed a node, or that a rule-quality figure counts. */
export const NodeTicketsQuery = z.strictObject({
  ...Period,
  node: z.string().min(1).max(INPUT_LIMITS.id).meta({ example: 'categorize' }),
  mark: z.enum(['entered', 'misroute', 'corrected']).optional().meta({ example: 'misroute' }),
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ example: 20 }),
});
export type NodeTicketsQuery = z.infer<typeof NodeTicketsQuery>;

/** Sample tickets behind a node's figure, newest first. */
export const NodeTickets = z
  .object({ tickets: z.array(z.object({ id: z.string(), number: z.string(), at: z.iso.datetime({ offset: true }) })) })
  .meta({ id: 'NodeTickets' });
export type NodeTickets = z.infer<typeof NodeTickets>;

/** The metrics a scorecard may weigh; `firstResponseMedianMinutes` is better lower (score = weight x target / actual). */
export const ScorecardMetric = z
  .enum(['automationCoverage', 'fcr', 'csatSatisfied', 'csatMean', 'slaCompliance', 'firstResponseMedianMinutes', 'resolutionMedianHours'])
  .meta({ id: 'ScorecardMetric' });
export type ScorecardMetric = z.infer<typeof ScorecardMetric>;

/** The quality scorecard: each metric with its target and weight; a score is capped at `cap` x weight. */
export const Scorecard = z
  .object({
    metrics: z
      .array(z.object({ metric: ScorecardMetric, target: z.number().positive().max(1e9), weight: z.number().min(0).max(1000) }))
      .min(1)
      .max(20),
    cap: z.number().min(0.1).max(10),
  })
  .meta({ id: 'Scorecard' });
export type Scorecard = z.infer<typeof Scorecard>;

/** The default scorecard: the source document's targets (70% settled by automation...). */
export const DEFAULT_SCORECARD: Scorecard = {
  metrics: [
    { metric: 'automationCoverage', target: 0.7, weight: 30 },
    { metric: 'fcr', target: 0.8, weight: 20 },
    { metric: 'csatSatisfied', target: 0.9, weight: 20 },
    { metric: 'slaCompliance', target: 0.95, weight: 20 },
    { metric: 'firstResponseMedianMinutes', target: 30, weight: 10 },
  ],
  cap: 1,
};

/** One scorecard row: the actual figure (null: no data, scored 0), and its score. */
export const ScoreRow = z
  .object({ metric: ScorecardMetric, target: z.number(), weight: z.number(), actual: z.number().nullable(), score: z.number() })
  .meta({ id: 'ScoreRow' });

/** GET /api/reports/weekly query. */
export const WeeklyReportQuery = z.strictObject({
  week: z
    .string()
    .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/)
    .meta({ example: '2026-W49' }),
  group: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'after_sales' }),
  format: z.enum(['json', 'csv', 'pdf']).optional().meta({ example: 'csv' }),
});
export type WeeklyReportQuery = z.infer<typeof WeeklyReportQuery>;

/** One line of the weekly comparison: this week, the week before, and the change. */
export const WeeklyLine = z
  .object({ metric: z.string(), current: z.number().nullable(), previous: z.number().nullable(), change: z.number().nullable() })
  .meta({ id: 'WeeklyLine' });

/** GET /api/reports/weekly (JSON): the week against the week before, with the scorecard. */
export const WeeklyReport = z
  .object({
    week: z.string(),
    from: Day,
    to: Day,
    group: z.string().nullable(),
    lines: z.array(WeeklyLine),
    current: AnalyticsOverview,
    previous: AnalyticsOverview,
    scorecard: z.object({ rows: z.array(ScoreRow), total: z.number(), max: z.number() }),
  })
  .meta({ id: 'WeeklyReport' });
export type WeeklyReport = z.infer<typeof WeeklyReport>;
