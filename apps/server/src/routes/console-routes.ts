import { createRoute, z } from '@hono/zod-openapi';
import {
  CustomerView,
  QueueCounts,
  seesCustomerContact,
  StreamEvent,
  TicketTrace,
  UserNotificationList,
  maskContact,
  maskName,
} from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import {
  customerRecord,
  dataKeys,
  NotFoundError,
  notificationsFor,
  queueCounts,
  type RuntimeContext,
  RuntimeInputError,
  type TicketFeed,
  ticketTrace,
} from '@switchyard/runtime';
import { streamSSE } from 'hono/streaming';
import type { SwitchyardApp } from '../app-env';
import { principalOf } from '../auth/principal';
import { reachableTicket, ticketInScope, ticketScopeOf } from '../auth/ticket-scope';
import { createRouter } from '../create-router';
import { answerExample } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';
import { atRiskMs, queueCallerOf } from './queue-caller';

const tags = ['console'];
const Id = z.string().min(1).max(INPUT_LIMITS.id);

const counts = createRoute({
  method: 'get',
  operationId: 'getQueueCounts',
  path: '/api/queues',
  tags,
  summary: 'How many tickets each queue holds, and per agent: open, at risk, overdue',
  description:
    "Counts the caller's queues (mine, group, unassigned, at_risk, overdue, abnormal, all) and, per agent within the caller's reach, open, at-risk and overdue tickets.",
  responses: { 200: jsonContent(QueueCounts, 'The counts', answerExample('getQueueCounts', 200)), ...errorResponses() },
});

const customer = createRoute({
  method: 'get',
  operationId: 'getCustomer',
  path: '/api/customers/{id}',
  tags,
  summary: 'A customer: tier, tags, last contacts, open and past tickets, order ids',
  description:
    "The customer beside a ticket, from the tickets the caller reaches (404 when none): contact and name masked unless the caller sees one of those tickets' customer in clear.",
  request: { params: z.object({ id: Id.meta({ example: 'C1024' }) }) },
  responses: { 200: jsonContent(CustomerView, 'The customer', answerExample('getCustomer', 200)), ...errorResponses(400, 404) },
});

const notifications = createRoute({
  method: 'get',
  operationId: 'listMyNotifications',
  path: '/api/me/notifications',
  tags,
  summary: "The signed-in user's notices: mentions, transfers, escalations",
  description: 'Notices for the signed-in user, their agent and their groups, newest first (at most 50).',
  responses: { 200: jsonContent(UserNotificationList, 'The notices', answerExample('listMyNotifications', 200)), ...errorResponses() },
});

const trace = createRoute({
  method: 'get',
  operationId: 'getTicketTrace',
  path: '/api/tickets/{id}/trace',
  tags: ['tickets'],
  summary: 'Why each flow did what it did: its path, condition answers and inputs, resting node and timers',
  description:
    'Per flow bound to the ticket: its version, the node it rests in, its pending timers, and the steps it took with their times (each condition with its `answer` and the `inputs` it looked at; timers set and fired; effects and errors).',
  request: { params: z.object({ id: Id.meta({ example: '0b9f3c2e-6a51-4c36-9a57-1d1c3f0e7a42' }) }) },
  responses: { 200: jsonContent(TicketTrace, 'The trace', answerExample('getTicketTrace', 200)), ...errorResponses(400, 404) },
});

const stream = createRoute({
  method: 'get',
  operationId: 'streamTicketChanges',
  path: '/api/stream',
  tags,
  summary: 'Live ticket changes the caller may see (server-sent events)',
  description:
    "A `text/event-stream` of `ticket` events (`StreamEvent` JSON: ticket id, kind, time), one per change of a ticket within the caller's reach: agent actions and the flows' work alike. Ask with `Accept: text/event-stream` (an EventSource does); any other request answers 400.",
  responses: {
    200: {
      description: 'The stream',
      content: {
        'text/event-stream': { schema: StreamEvent, example: { ticketId: 't-1', kind: 'reply', at: '2026-05-01T01:00:00.000Z' } },
      },
    },
    ...errorResponses(400),
  },
});

/** The service console's reads: queue counts, customers, notices, a ticket's trace and the live stream. */
export function consoleRoutes(ctx: RuntimeContext, feed: TicketFeed): SwitchyardApp {
  return createRouter()
    .openapi(counts, async (c) => {
      return c.json(await queueCounts(ctx.db, queueCallerOf(principalOf(c)), { now: ctx.clock.now(), atRiskMs: atRiskMs() }), 200);
    })
    .openapi(customer, async (c) => {
      const principal = principalOf(c);
      const scope = ticketScopeOf(principal);
      const { id } = c.req.valid('param');
      const record = await customerRecord(ctx.db, id, (t) => ticketInScope(t, scope), dataKeys(ctx));
      if (!record) throw new NotFoundError('customer', id);
      const clear = record.tickets.some((t) => seesCustomerContact(principal, t));
      const view = clear
        ? record.view
        : {
            ...record.view,
            name: maskName(record.view.name),
            contact: record.view.contact === null ? null : maskContact(record.view.contact),
          };
      return c.json(view, 200);
    })
    .openapi(notifications, async (c) => {
      const principal = principalOf(c);
      return c.json(await notificationsFor(ctx.db, { userId: principal.id, agentId: principal.agentId, groups: principal.groups }), 200);
    })
    .openapi(trace, async (c) => {
      const { id } = c.req.valid('param');
      await reachableTicket(ctx, principalOf(c), id);
      return c.json(await ticketTrace(ctx.db, id, ctx.registry), 200);
    })
    .openapi(stream, (c) => {
      if (!(c.req.header('accept') ?? '').includes('text/event-stream'))
        throw new RuntimeInputError('ask with Accept: text/event-stream (请用 EventSource 订阅)', 400, [
          { path: 'accept', message: 'not text/event-stream' },
        ]);
      const scope = ticketScopeOf(principalOf(c));
      return streamSSE(c, async (sse) => {
        let closed = false;
        let pending: Promise<void> = sse.writeSSE({ event: 'ready', data: '{}' });
        const unsubscribe = feed.subscribe((change) => {
          pending = pending.then(async () => {
            if (closed) return;
            const row = await ctx.db
              .selectFrom('tickets')
              .select(['group', 'assignee'])
              .where('id', '=', change.ticketId)
              .executeTakeFirst();
            if (row && ticketInScope(row, scope)) await sse.writeSSE({ event: 'ticket', data: JSON.stringify(change) });
          });
        });
        // A comment now and then keeps proxies from closing a quiet stream.
        const beat = setInterval(() => void sse.write(': keep-alive\n\n'), 25_000);
        await new Promise<void>((resolve) =>
          sse.onAbort(() => {
            closed = true;
            clearInterval(beat);
            unsubscribe();
            resolve();
          }),
        );
      });
    });
}
