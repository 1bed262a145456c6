import { createRoute, z } from '@hono/zod-openapi';
import {
  AnalyticsOverview,
  FlowAnalytics,
  FlowAnalyticsQuery,
  NodeTickets,
  NodeTicketsQuery,
  OverviewQuery,
  Scorecard,
  WeeklyReport,
  WeeklyReportQuery,
} from '@switchyard/api';
import {
  analyticsOverview,
  flowAnalytics,
  getScorecard,
  nodeTickets,
  type RuntimeContext,
  saveScorecard,
  weeklyCsv,
  weeklyReport,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, jsonBody, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';
import { weeklyHtml } from '../reports/weekly-html';
import { PdfUnavailableError, printPdf } from '../reports/weekly-pdf';

const FlowParams = z.object({ id: z.string().min(1).max(100).meta({ example: 'intake-classify' }) });
const tags = ['analytics'];
const HOW = 'How each figure is computed: README, "Analytics". Figures come from rollups kept in the transaction of the events they count.';

const overview = createRoute({
  method: 'get',
  operationId: 'getAnalyticsOverview',
  path: '/api/analytics/overview',
  description: `The team dashboard over the tickets created in a period (UTC days, 30 by default), optionally one group and one channel: volume by status, day, category and channel, first response and resolution (median, p90), first-contact resolution, CSAT, SLA breach rate, overdue now, automation coverage and per-agent figures. ${HOW}`,
  tags,
  summary: 'The team dashboard: volume, response and resolution times, FCR, CSAT, SLA, automation, agents',
  request: { query: OverviewQuery },
  responses: { 200: jsonContent(AnalyticsOverview, 'The figures', answerExample('getAnalyticsOverview', 200)), ...errorResponses(400) },
});

const flowFigures = createRoute({
  method: 'get',
  operationId: 'getFlowAnalytics',
  path: '/api/flows/{id}/analytics',
  description: `Per node and edge of a flow over a period (one version, or all): tickets entering each node, each edge's count and share of its source's, each wait's median and p95 time and timeout share, errors per action, and rule quality (misroutes within 24 h of an automated assignment, category corrections, handoffs and escalations per 100 tickets). ${HOW}`,
  tags,
  summary: "A flow's node, edge, wait, error and rule-quality figures for a period and version",
  request: { params: FlowParams, query: FlowAnalyticsQuery },
  responses: { 200: jsonContent(FlowAnalytics, 'The figures', answerExample('getFlowAnalytics', 200)), ...errorResponses(400, 404) },
});

const samples = createRoute({
  method: 'get',
  operationId: 'listNodeTickets',
  path: '/api/flows/{id}/analytics/tickets',
  description:
    "Tickets behind a node's figure in a period, newest first: those that entered the node, or (mark) those a person moved within 24 h of the node's assignment (misroute) or re-categorized after it (corrected).",
  tags,
  summary: "Sample tickets behind a node's figure (entered, misroute, corrected)",
  request: { params: FlowParams, query: NodeTicketsQuery },
  responses: { 200: jsonContent(NodeTickets, 'The tickets', answerExample('listNodeTickets', 200)), ...errorResponses(400, 404) },
});

const weekly = createRoute({
  method: 'get',
  operationId: 'getWeeklyReport',
  path: '/api/reports/weekly',
  description:
    "An ISO week (optionally one group) against the week before, line by line, with the quality scorecard: JSON, CSV (`format=csv`, UTF-8 with a BOM) or PDF (`format=pdf`: the report page printed by the server's Chromium with CJK fonts embedded; a 503 names what the machine lacks).",
  tags,
  summary: 'The weekly report against the week before, with the quality scorecard (JSON, CSV, PDF)',
  request: { query: WeeklyReportQuery },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: WeeklyReport, example: answerExample('getWeeklyReport', 200) },
        'text/csv': {
          schema: z.string(),
          example: 'section,metric,this week,week before,change,target,weight,score\ncomparison,total,120,98,22,,,\n',
        },
        'application/pdf': { schema: z.string().meta({ format: 'binary' }), example: '%PDF-1.4 …' },
      },
    },
    ...errorResponses(400),
  },
});

const readScorecard = createRoute({
  method: 'get',
  operationId: 'getScorecard',
  path: '/api/reports/scorecard',
  description:
    'The quality scorecard the weekly report scores by: each metric with its target and weight, and the cap (a score is at most weight x cap).',
  tags,
  summary: 'The quality scorecard (metric, target, weight, cap)',
  responses: { 200: jsonContent(Scorecard, 'The scorecard', answerExample('getScorecard', 200)), ...errorResponses() },
});

const putScorecard = createRoute({
  method: 'put',
  operationId: 'saveScorecard',
  path: '/api/reports/scorecard',
  description: 'Replaces the quality scorecard: score = weight x actual / target (target / actual for times), capped at weight x cap.',
  tags,
  summary: 'Replaces the quality scorecard',
  request: { body: jsonBody(Scorecard, REQUEST_EXAMPLES.saveScorecard) },
  responses: { 200: jsonContent(Scorecard, 'The scorecard saved', answerExample('saveScorecard', 200)), ...errorResponses(400) },
});

/** Analytics: the team dashboard, a flow's figures, the weekly report and its scorecard. */
export function analyticsRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(overview, async (c) => c.json(await analyticsOverview(ctx, c.req.valid('query')), 200))
    .openapi(flowFigures, async (c) => c.json(await flowAnalytics(ctx, c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(samples, async (c) => c.json(await nodeTickets(ctx, c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(weekly, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const report = await weeklyReport(ctx, query);
      const name = `switchyard-weekly-${report.week}${report.group === null ? '' : `-${report.group}`}`;
      if (format === 'csv') {
        c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
        return c.body(weeklyCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      }
      if (format === 'pdf') {
        try {
          const pdf = await printPdf(weeklyHtml(report));
          c.header('Content-Disposition', `attachment; filename="${name}.pdf"`);
          return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
        } catch (error) {
          if (!(error instanceof PdfUnavailableError)) throw error;
          return c.json({ error: error.message, details: { missing: error.missing } }, 503);
        }
      }
      return c.json(report, 200);
    })
    .openapi(readScorecard, async (c) => c.json(await getScorecard(ctx.db), 200))
    .openapi(putScorecard, async (c) => c.json(await saveScorecard(ctx, c.req.valid('json'), c.get('actor')), 200));
}
