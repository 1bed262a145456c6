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
  TicketView,
} from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import {
  createTicketOnce,
  dataKeys,
  getTicket,
  listTickets,
  NotFoundError,
  postTicketEventOnce,
  type RuntimeContext,
  ticketHistory,
  ticketMessages,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';
import { maskHistoryParts, maskMessageParts, ticketFor, ticketPartsFor, ticketViewer } from './ticket-masking';

const TicketParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id) });
const tags = ['tickets'];

const create = createRoute({
  method: 'post',
  path: '/api/tickets',
  tags,
  summary: 'Open a ticket: numbered, bound to the deployed flows, its ticket.created queued for the workers',
  request: { headers: IdempotencyHeaders, body: { required: true, content: { 'application/json': { schema: NewTicket } } } },
  responses: {
    201: jsonContent(TicketCreatedResponse, 'Opened (or, with `Idempotent-Replayed: true`, opened before)'),
    ...errorResponses(400, 422),
  },
});

const postEvent = createRoute({
  method: 'post',
  path: '/api/tickets/{id}/events',
  tags,
  summary: 'Queue a ticket event: customer.message, agent.reply, ticket.status or survey.response',
  request: {
    params: TicketParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: TicketEvent } } },
  },
  responses: {
    202: jsonContent(EventAccepted, 'Queued; the flows run it shortly (with `Idempotent-Replayed: true`, queued before)'),
    ...errorResponses(400, 404, 422),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/tickets/{id}',
  tags,
  summary: 'A ticket: its fields, counters and the flow versions it is bound to',
  request: { params: TicketParams },
  responses: { 200: jsonContent(TicketView, 'The ticket'), ...errorResponses(400, 404) },
});

const history = createRoute({
  method: 'get',
  path: '/api/tickets/{id}/history',
  tags,
  summary: 'Every event, transition and effect of a ticket, with its time, oldest first',
  request: { params: TicketParams },
  responses: { 200: jsonContent(TicketHistory, 'The history'), ...errorResponses(400, 404) },
});

const messages = createRoute({
  method: 'get',
  path: '/api/tickets/{id}/messages',
  tags,
  summary: "A ticket's conversation: what the customer wrote, agents' replies, and the replies, surveys and notices flows sent",
  request: { params: TicketParams },
  responses: { 200: jsonContent(TicketConversation, 'The messages, oldest first'), ...errorResponses(400, 404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/tickets',
  tags,
  summary: 'Tickets matching every filter given, newest first',
  request: { query: TicketQuery },
  responses: { 200: jsonContent(TicketList, 'The tickets'), ...errorResponses(400) },
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
    .openapi(postEvent, async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      const accepted = await postTicketEventOnce(ctx, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), key);
      if (accepted.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      else onQueued();
      return c.json(accepted.body, 202);
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const ticket = await getTicket(ctx.db, id, dataKeys(ctx));
      if (!ticket) throw new NotFoundError('ticket', id);
      return c.json(ticketFor(ticketViewer(c), ticket), 200);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      const entries = await ticketHistory(ctx.db, id);
      if (!entries) throw new NotFoundError('ticket', id);
      return c.json(await ticketPartsFor(ctx, ticketViewer(c), id, entries, maskHistoryParts), 200);
    })
    .openapi(messages, async (c) => {
      const { id } = c.req.valid('param');
      const conversation = await ticketMessages(ctx.db, id);
      if (!conversation) throw new NotFoundError('ticket', id);
      return c.json(await ticketPartsFor(ctx, ticketViewer(c), id, conversation, maskMessageParts), 200);
    })
    .openapi(list, async (c) => {
      const viewer = ticketViewer(c);
      const tickets = await listTickets(ctx.db, c.req.valid('query'), dataKeys(ctx));
      return c.json(
        tickets.map((ticket) => ticketFor(viewer, ticket)),
        200,
      );
    });
}
