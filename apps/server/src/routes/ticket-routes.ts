import { createRoute, z } from '@hono/zod-openapi';
import {
  EventAccepted,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyHeaders,
  NewTicket,
  TicketConversation,
  TicketCreatedResponse,
  TicketEvent,
  TicketHistory,
  TicketList,
  TicketQuery,
  TicketsImported,
  TicketView,
} from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import {
  createTicketOnce,
  dataKeys,
  importTickets,
  listQueue,
  MAX_IMPORT_LINES,
  listTickets,
  NotFoundError,
  postTicketEventOnce,
  type RuntimeContext,
  ticketHistory,
  ticketMessages,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { principalOf } from '../auth/principal';
import { assertTicketReachable, reachableTicket, ticketScopeOf } from '../auth/ticket-scope';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';
import { atRiskMs, queueCallerOf } from './queue-caller';
import { historyFor, messagesFor, ticketFor } from './ticket-masking';

const TicketParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id).meta({ example: '0b9f3c2e-6a51-4c36-9a57-1d1c3f0e7a42' }) });
const tags = ['tickets'];

const create = createRoute({
  method: 'post',
  operationId: 'createTicket',
  path: '/api/tickets',
  description:
    'Opens a ticket from a channel: numbered, bound to the versions of the deployed flows, and its ticket.created event queued for the workers. With an `Idempotency-Key`, a retry answers the same ticket.',
  tags,
  summary: 'Open a ticket: numbered, bound to the deployed flows, its ticket.created queued for the workers',
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: NewTicket, example: REQUEST_EXAMPLES.createTicket } } },
  },
  responses: {
    201: jsonContent(
      TicketCreatedResponse,
      'Opened (or, with `Idempotent-Replayed: true`, opened before)',
      answerExample('createTicket', 201),
    ),
    ...errorResponses(400, 422),
  },
});

const bulk = createRoute({
  method: 'post',
  operationId: 'importTickets',
  path: '/api/tickets/bulk',
  description: `Imports tickets from another helpdesk: a JSON-lines body (\`application/x-ndjson\`), one ticket per line in the shape \`POST /api/tickets\` takes, at most ${MAX_IMPORT_LINES.toLocaleString('en-US')} lines and 5 MB per request (send a larger export as several requests). All or nothing: every line is validated first, and a bad line answers 400 naming each bad line and field (\`details: [{ line, path, message }]\`) and imports nothing; then all tickets open in one transaction, each as \`POST /api/tickets\` opens one (numbered in the current month, bound to the deployed flows, its ticket.created queued for the workers). A failed request leaves nothing behind, so the same file can be sent again. Admins only (\`tickets.import\`).`,
  tags,
  summary: 'Import tickets from another helpdesk: JSON lines, all or nothing',
  request: {
    body: {
      required: true,
      content: {
        'application/x-ndjson': {
          schema: z.string().meta({ example: REQUEST_EXAMPLES.importTickets }),
          example: REQUEST_EXAMPLES.importTickets,
        },
      },
    },
  },
  responses: {
    201: jsonContent(TicketsImported, "Imported: each line's ticket, in line order", answerExample('importTickets', 201)),
    ...errorResponses(400),
  },
});

const postEvent = createRoute({
  method: 'post',
  operationId: 'postTicketEvent',
  path: '/api/tickets/{id}/events',
  description:
    'Queues an event on a ticket (a customer message, an agent reply, a status change or a survey answer); the flows bound to the ticket react shortly after. With an `Idempotency-Key`, a retry is answered once.',
  tags,
  summary: 'Queue a ticket event: customer.message, agent.reply, ticket.status or survey.response',
  request: {
    params: TicketParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: TicketEvent, example: REQUEST_EXAMPLES.postTicketEvent } } },
  },
  responses: {
    202: jsonContent(
      EventAccepted,
      'Queued; the flows run it shortly (with `Idempotent-Replayed: true`, queued before)',
      answerExample('postTicketEvent', 202),
    ),
    ...errorResponses(400, 404, 422),
  },
});

const read = createRoute({
  method: 'get',
  operationId: 'getTicket',
  path: '/api/tickets/{id}',
  description: 'Reads a ticket: its fields, the counters conditions read (messages, replies), and the flow versions it runs on.',
  tags,
  summary: 'A ticket: its fields, counters and the flow versions it is bound to',
  request: { params: TicketParams },
  responses: { 200: jsonContent(TicketView, 'The ticket', answerExample('getTicket', 200)), ...errorResponses(400, 404) },
});

const history = createRoute({
  method: 'get',
  operationId: 'getTicketHistory',
  path: '/api/tickets/{id}/history',
  description:
    'Lists everything that happened to a ticket, oldest first: events received, node transitions, actions taken and side effects with their outcome.',
  tags,
  summary: 'Every event, transition and effect of a ticket, with its time, oldest first',
  request: { params: TicketParams },
  responses: { 200: jsonContent(TicketHistory, 'The history', answerExample('getTicketHistory', 200)), ...errorResponses(400, 404) },
});

const messages = createRoute({
  method: 'get',
  operationId: 'getTicketMessages',
  path: '/api/tickets/{id}/messages',
  description:
    "Reads a ticket's conversation, oldest first: customer messages, agents' replies and what flows sent (replies, surveys, notices).",
  tags,
  summary: "A ticket's conversation: what the customer wrote, agents' replies, and the replies, surveys and notices flows sent",
  request: { params: TicketParams },
  responses: {
    200: jsonContent(TicketConversation, 'The messages, oldest first', answerExample('getTicketMessages', 200)),
    ...errorResponses(400, 404),
  },
});

const list = createRoute({
  method: 'get',
  operationId: 'listTickets',
  path: '/api/tickets',
  description:
    "Lists tickets newest first, filtered by status, group and assignee (every filter given must match). A console queue: `view` (mine, group, unassigned, at_risk, overdue, abnormal, all), `sort=urgency` (priority, earliest SLA deadline, oldest), `q` (substring of number, subject, body or customer id) and `cursor` (a row's `queue.cursor`: the rows after it); each row then carries `queue` (at risk, overdue, deadline, abnormal with the time to step in).",
  tags,
  summary: 'Tickets matching every filter given, newest first',
  request: { query: TicketQuery },
  responses: { 200: jsonContent(TicketList, 'The tickets', answerExample('listTickets', 200)), ...errorResponses(400) },
});

/** Tickets: opened by channels, moved by events, read by agents' tools. `onQueued` wakes a local worker. */
export function ticketRoutes(ctx: RuntimeContext, onQueued: () => void = () => {}): SwitchyardApp {
  return createRouter()
    .openapi(create, async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      const created = await createTicketOnce(ctx, c.req.valid('json'), c.get('actor'), key);
      if (created.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      else onQueued();
      return c.json(created.body, 201);
    })
    .openapi(bulk, async (c) => {
      const imported = await importTickets(ctx, await c.req.text(), c.get('actor'));
      onQueued();
      return c.json(imported, 201);
    })
    .openapi(postEvent, async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      await assertTicketReachable(ctx, principalOf(c), c.req.valid('param').id);
      const accepted = await postTicketEventOnce(ctx, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), key);
      if (accepted.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      else onQueued();
      return c.json(accepted.body, 202);
    })
    .openapi(read, async (c) => {
      // A ticket outside the caller's groups answers 404 like a missing one (auth/ticket-scope.ts).
      // The customer is masked for callers who may not see it (ticket-masking.ts).
      return c.json(ticketFor(principalOf(c), await reachableTicket(ctx, principalOf(c), c.req.valid('param').id)), 200);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      const ticket = await reachableTicket(ctx, principalOf(c), id);
      const entries = await ticketHistory(ctx.db, id);
      if (!entries) throw new NotFoundError('ticket', id);
      return c.json(historyFor(principalOf(c), ticket, entries), 200);
    })
    .openapi(messages, async (c) => {
      const { id } = c.req.valid('param');
      const ticket = await reachableTicket(ctx, principalOf(c), id);
      const conversation = await ticketMessages(ctx.db, id);
      if (!conversation) throw new NotFoundError('ticket', id);
      return c.json(messagesFor(principalOf(c), ticket, conversation), 200);
    })
    .openapi(list, async (c) => {
      const principal = principalOf(c);
      const query = c.req.valid('query');
      const asQueue = query.view !== undefined || query.sort !== undefined || query.q !== undefined || query.cursor !== undefined;
      const tickets = asQueue
        ? await listQueue(ctx.db, query, queueCallerOf(principal), { now: ctx.clock.now(), atRiskMs: atRiskMs(), keys: dataKeys(ctx) })
        : await listTickets(ctx.db, { ...query, scope: ticketScopeOf(principal) }, dataKeys(ctx));
      return c.json(
        tickets.map((ticket) => ticketFor(principal, ticket)),
        200,
      );
    });
}
