import { createRoute, z } from '@hono/zod-openapi';
import {
  ActionDone,
  EscalateRequest,
  NoteRequest,
  ReplyRequest,
  StatusRequest,
  StepIn,
  StepInRequest,
  TransferRequest,
} from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import {
  type ActingPerson,
  addNote,
  escalateTicket,
  postTicketEvent,
  releaseTicket,
  type RuntimeContext,
  stepIn,
  takeTicket,
  type TicketFeed,
  touchTicket,
  transferTicket,
} from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv, SwitchyardApp } from '../app-env';
import { principalOf } from '../auth/principal';
import { reachableTicket } from '../auth/ticket-scope';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const TicketParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id).meta({ example: '0b9f3c2e-6a51-4c36-9a57-1d1c3f0e7a42' }) });
const tags = ['tickets'];
const Empty = z.strictObject({}).meta({ example: {} });

/** One agent action route: POST /api/tickets/{id}/<verb>. */
function actionRoute<B extends z.ZodType, R extends z.ZodType>(
  verb: string,
  operationId: string,
  body: B,
  answer: R,
  summary: string,
  description: string,
) {
  const example: unknown = Reflect.get(REQUEST_EXAMPLES, operationId) ?? {};
  return createRoute({
    method: 'post',
    operationId,
    path: `/api/tickets/{id}/${verb}`,
    tags,
    summary,
    description,
    request: { params: TicketParams, body: { required: true, content: { 'application/json': { schema: body, example } } } },
    responses: { 200: jsonContent(answer, 'Done', answerExample(operationId, 200)), ...errorResponses(400, 404, 409) },
  });
}

const reply = actionRoute(
  'reply',
  'replyToTicket',
  ReplyRequest,
  ActionDone,
  'Answer the customer as the signed-in agent',
  'Queues an `agent.reply` under the signed-in agent: the conversation shows it, and the flows see it (an SLA wait for a reply stops its timer).',
);
const status = actionRoute(
  'status',
  'setTicketStatus',
  StatusRequest,
  ActionDone,
  'Change the status',
  'Queues a `ticket.status` event: the flows see it.',
);
const note = actionRoute(
  'notes',
  'addTicketNote',
  NoteRequest,
  ActionDone,
  'Write an internal note, mentioning colleagues',
  'An internal note (never sent to the customer) in the conversation; each mentioned agent gets a notice. Recorded in the history under the signed-in user; the flows get an `agent.action` event (action `note`).',
);
const transfer = actionRoute(
  'transfer',
  'transferTicket',
  TransferRequest,
  ActionDone,
  'Transfer to another group with a hand-over note',
  "Moves the ticket to another group's queue (unassigned): the group gets a notice with the note, the previous assignee a notice that the transfer succeeded. The flows get an `agent.action` event (action `transfer`).",
);
const take = actionRoute(
  'take',
  'takeTicket',
  Empty,
  ActionDone,
  'Take the ticket',
  "Assigns the ticket to the signed-in user's agent; a previous assignee is told. The flows get an `agent.action` event (action `take`).",
);
const release = actionRoute(
  'release',
  'releaseTicket',
  Empty,
  ActionDone,
  'Release the ticket',
  "Puts the ticket back in its group's queue, unassigned. The flows get an `agent.action` event (action `release`).",
);
const escalate = actionRoute(
  'escalate',
  'escalateTicket',
  EscalateRequest,
  ActionDone,
  'Escalate one level (or to a level)',
  'Raises the escalation level with a reason; the ticket shows in the abnormal queue and its group is told. The flows get an `agent.action` event (action `escalate`).',
);
const stepInRoute = actionRoute(
  'step-in',
  'stepIntoTicket',
  StepInRequest,
  StepIn,
  'Step into an abnormal ticket, recording cause and resolution',
  'A supervisor takes an abnormal ticket (flagged or escalated) and records why it went wrong and how it was fixed; kept with the ticket and counted; the flows get an `agent.action` event (action `step-in`). 409 when the ticket is not abnormal.',
);

/** The agent actions of the service console, each under the signed-in user's name and within their reach. */
export function ticketActionRoutes(ctx: RuntimeContext, feed: TicketFeed, onQueued: () => void = () => {}): SwitchyardApp {
  /** The acting person, once the ticket is known to be within their reach. */
  const personFor = async (c: Context<AppEnv>, id: string): Promise<ActingPerson> => {
    const principal = principalOf(c);
    await reachableTicket(ctx, principal, id);
    return { actor: c.get('actor'), userId: principal.id, agentId: principal.agentId };
  };
  const changed = (ticketId: string, kind: string) => feed.publish({ ticketId, kind, at: ctx.clock.now().toISOString() });
  /** An action route's `agent.action` event is queued: wake the worker, tell the streams. */
  const acted = (ticketId: string, kind: string) => {
    onQueued();
    changed(ticketId, kind);
  };
  /** An event the flows get: queued like POST /events, then the worker is woken. */
  const queueEvent = async (c: Context<AppEnv>, id: string, event: unknown, kind: string) => {
    await personFor(c, id);
    const { eventId } = await postTicketEvent(ctx, id, event, c.get('actor'));
    await touchTicket(ctx, id);
    onQueued();
    changed(id, kind);
    const ticket = await reachableTicket(ctx, principalOf(c), id);
    return { ticketId: id, group: ticket.group, assignee: ticket.assignee, escalationLevel: ticket.escalationLevel, eventId };
  };
  return createRouter()
    .openapi(reply, async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const agentId = principal.agentId ?? principal.id;
      return c.json(await queueEvent(c, id, { type: 'agent.reply', agentId, body: c.req.valid('json').body }, 'reply'), 200);
    })
    .openapi(status, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await queueEvent(c, id, { type: 'ticket.status', status: c.req.valid('json').status }, 'status'), 200);
    })
    .openapi(note, async (c) => {
      const { id } = c.req.valid('param');
      const { body, mentions } = c.req.valid('json');
      const done = await addNote(ctx, id, await personFor(c, id), body, mentions);
      acted(id, 'note');
      return c.json(done, 200);
    })
    .openapi(transfer, async (c) => {
      const { id } = c.req.valid('param');
      const { group, note: text } = c.req.valid('json');
      const done = await transferTicket(ctx, id, await personFor(c, id), group, text);
      acted(id, 'transfer');
      return c.json(done, 200);
    })
    .openapi(take, async (c) => {
      const { id } = c.req.valid('param');
      const done = await takeTicket(ctx, id, await personFor(c, id));
      acted(id, 'take');
      return c.json(done, 200);
    })
    .openapi(release, async (c) => {
      const { id } = c.req.valid('param');
      const done = await releaseTicket(ctx, id, await personFor(c, id));
      acted(id, 'release');
      return c.json(done, 200);
    })
    .openapi(escalate, async (c) => {
      const { id } = c.req.valid('param');
      const { level, note: text } = c.req.valid('json');
      const done = await escalateTicket(ctx, id, await personFor(c, id), level, text);
      acted(id, 'escalate');
      return c.json(done, 200);
    })
    .openapi(stepInRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { cause, resolution } = c.req.valid('json');
      const done = await stepIn(ctx, id, await personFor(c, id), cause, resolution);
      acted(id, 'step-in');
      return c.json(done, 200);
    });
}
