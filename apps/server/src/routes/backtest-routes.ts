import { createRoute, z } from '@hono/zod-openapi';
import { Backtest, BacktestList, BacktestRequest, BacktestStarted, BacktestSummary, BacktestTicket } from '@switchyard/api';
import {
  cancelBacktest,
  deleteBacktest,
  getBacktest,
  getBacktestTicket,
  listBacktests,
  type RuntimeContext,
  startBacktest,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const FlowParams = z.object({ id: z.string().min(1).max(100).meta({ example: 'intake-classify' }) });
const JobParams = z.object({ id: z.string().min(1).max(100).meta({ example: '0f8b7c52-5d1e-4f1a-9a43-2f7c1c9e2b11' }) });
const TicketParams = JobParams.extend({ ticketId: z.string().min(1).max(200).meta({ example: '6c1e8f5e-4d7c-4a44-9b8f-1f0f6a115f0c' }) });
const ListQuery = z.object({ flowId: z.string().min(1).max(100).optional().meta({ example: 'intake-classify' }) });

const start = createRoute({
  method: 'post',
  operationId: 'startBacktest',
  path: '/api/flows/{id}/backtest',
  tags: ['backtests'],
  summary: 'Replay recorded tickets through a draft or a version beside the versions they ran',
  description:
    'Starts a job (202): each ticket created in `[from, to)` (filtered by group, channel, category; at most `limit`, oldest first) is rebuilt from its history and replayed on a virtual clock twice: through the versions it ran (which must reproduce production, or the ticket counts as a replay error) and through the candidate (`version`, `document`, or the draft) with the other flows as they were bound. No side effect leaves the server. Workers run it in the background, a small batch at a time; follow it with `GET /api/backtests/{id}`.',
  request: {
    params: FlowParams,
    body: { required: true, content: { 'application/json': { schema: BacktestRequest, example: REQUEST_EXAMPLES.startBacktest } } },
  },
  responses: {
    202: jsonContent(BacktestStarted, 'The job and how many tickets it will replay', answerExample('startBacktest', 202)),
    ...errorResponses(400, 404, 422),
  },
});

const list = createRoute({
  method: 'get',
  operationId: 'listBacktests',
  path: '/api/backtests',
  tags: ['backtests'],
  summary: 'Backtests, newest first',
  description: 'Every backtest kept (of one flow with `flowId`), newest first, without their tickets.',
  request: { query: ListQuery },
  responses: { 200: jsonContent(BacktestList, 'The backtests', answerExample('listBacktests', 200)), ...errorResponses(400) },
});

const get = createRoute({
  method: 'get',
  operationId: 'getBacktest',
  path: '/api/backtests/{id}',
  tags: ['backtests'],
  summary: 'A backtest: progress, differing tickets, differences by kind',
  description:
    'Progress (`done` of `total`) and the results so far, also while it runs: the tickets whose outcome differs (with their kinds) or whose replay disagreed with production (`replayError`, the first difference), and for each kind its tickets.',
  request: { params: JobParams },
  responses: { 200: jsonContent(Backtest, 'The backtest', answerExample('getBacktest', 200)), ...errorResponses(404) },
});

const ticket = createRoute({
  method: 'get',
  operationId: 'getBacktestTicket',
  path: '/api/backtests/{id}/tickets/{ticketId}',
  tags: ['backtests'],
  summary: "One differing ticket of a backtest: both replays' paths and actions side by side",
  description: 'The baseline (the versions the ticket ran) and the candidate replay of a ticket listed among the differences.',
  request: { params: TicketParams },
  responses: { 200: jsonContent(BacktestTicket, 'Both replays', answerExample('getBacktestTicket', 200)), ...errorResponses(404) },
});

const cancel = createRoute({
  method: 'post',
  operationId: 'cancelBacktest',
  path: '/api/backtests/{id}/cancel',
  tags: ['backtests'],
  summary: 'Stop a running backtest',
  description:
    'The batch in flight is dropped; the results recorded so far stay until the backtest is deleted. A finished one is left as it is.',
  request: { params: JobParams },
  responses: { 200: jsonContent(BacktestSummary, 'The backtest now', answerExample('cancelBacktest', 200)), ...errorResponses(404) },
});

const remove = createRoute({
  method: 'delete',
  operationId: 'deleteBacktest',
  path: '/api/backtests/{id}',
  tags: ['backtests'],
  summary: 'Delete a backtest and its results',
  description: 'A running one stops. Answers the backtest as it was.',
  request: { params: JobParams },
  responses: { 200: jsonContent(BacktestSummary, 'The deleted backtest', answerExample('deleteBacktest', 200)), ...errorResponses(404) },
});

/** The backtest routes: start one on a flow, follow it, open a ticket, cancel, delete. */
export function backtestRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(start, async (c) => c.json(await startBacktest(ctx, c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 202))
    .openapi(list, async (c) => c.json(await listBacktests(ctx.db, c.req.valid('query').flowId), 200))
    .openapi(get, async (c) => c.json(await getBacktest(ctx.db, c.req.valid('param').id), 200))
    .openapi(ticket, async (c) => {
      const { id, ticketId } = c.req.valid('param');
      return c.json(await getBacktestTicket(ctx.db, id, ticketId), 200);
    })
    .openapi(cancel, async (c) => c.json(await cancelBacktest(ctx.db, c.req.valid('param').id, ctx.clock.now()), 200))
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const job = await getBacktest(ctx.db, id);
      await deleteBacktest(ctx.db, id);
      const { byKind: _byKind, differences: _differences, ...summary } = job;
      return c.json(summary, 200);
    });
}
