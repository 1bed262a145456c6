import type { CalendarBook } from '@switchyard/calendar';
import { type Customer, Ticket, type TicketEvent } from '@switchyard/flow';
import type { z } from 'zod';
import type { ActionContext, TicketStats } from '../sdk/node-context';
import { createHttpClient } from '../sdk/node-http';
import { createCollectingLogger, type NodeLogger } from '../sdk/node-logger';
import { secretsFrom } from '../sdk/node-secrets';
import { Roster } from '../sdk/roster';
import { renderTemplate, templateView } from '../sdk/template';

/** Ticket fields a test cares about; the rest get neutral defaults. */
export type TestTicket = Partial<Omit<z.input<typeof Ticket>, 'customer'>> & {
  readonly customer?: Partial<z.input<typeof Customer>>;
};

export interface TestContextOptions {
  readonly ticket?: TestTicket;
  readonly stats?: Partial<TicketStats>;
  readonly event?: TicketEvent;
  /** The step's clock; the ticket's `createdAt` when absent. */
  readonly now?: Date | string;
  readonly vars?: Readonly<Record<string, unknown>>;
  /** The host's business calendars (`createCalendarBook([...])`); the shipped default when absent. */
  readonly calendars?: CalendarBook;
  /** Agents and groups as in `examples/agents.json` (defaults applied). */
  readonly roster?: z.input<typeof Roster>;
  /** The id of the node under test (`ctx.node`), where its previous output in `vars` matters. */
  readonly node?: string;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
  /** Secret values by name (any name may be read here; the host also checks the node declared it). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Where `ctx.logger` writes; a collecting logger by default (`createCollectingLogger`). */
  readonly logger?: NodeLogger;
  /** Default limit of each `ctx.http` call (the node's `timeoutMs` at run time); 10 s when absent. */
  readonly httpTimeoutMs?: number;
  /**
   * Hosts `ctx.http` may call although they are loopback or private (as SWITCHYARD_HTTP_ALLOW at
   * run time): a test lists its own server's `host`. Every other internal address is refused.
   */
  readonly httpAllow?: readonly string[];
}

/** Monday 2024-05-06 10:00 in Asia/Shanghai. */
const CREATED_AT = '2024-05-06T02:00:00.000Z';

/**
 * Builds the context a host gives a node, from the few fields a test names: the ticket
 * is parsed by the `Ticket` schema (so defaults and validation are real) and `render`
 * is the real template renderer. Built-in and custom node tests share it.
 * @example
 * const ctx = createTestContext({ ticket: { subject: '物流一直没更新' } });
 * const calling = createTestContext({ httpAllow: [server.host] }); // may call the test server on 127.0.0.1
 * textContains.evaluate(ctx, parseConfig(textContains, { keywords: ['物流'] })); // true
 */
export function createTestContext(options: TestContextOptions = {}): ActionContext {
  const { customer, ...fields } = options.ticket ?? {};
  const ticket = Ticket.parse({
    id: 'T1',
    number: 'GD2024050001',
    channel: 'chat',
    createdAt: CREATED_AT,
    ...fields,
    customer: { id: 'C1', name: '张三', ...customer },
  });
  const idempotencyKey = options.idempotencyKey ?? `${ticket.id}:test-flow:test-node:1`;
  const ctx: ActionContext = {
    ticket,
    stats: { customerMessages: 0, agentReplies: 0, recentMessages: [], firstAgentReplyAt: null, ...options.stats },
    now: new Date(options.now ?? ticket.createdAt),
    ...(options.event ? { event: options.event } : {}),
    vars: options.vars ?? {},
    ...(options.node ? { node: options.node } : {}),
    ...(options.calendars ? { calendars: options.calendars } : {}),
    roster: Roster.parse(options.roster ?? {}),
    idempotencyKey,
    render: (template) => renderTemplate(template, templateView(ctx)),
    ...(options.signal ? { signal: options.signal } : {}),
    logger: options.logger ?? createCollectingLogger(),
    secrets: secretsFrom(options.secrets ?? {}, {
      nodeType: 'under test',
      hint: 'pass it to createTestContext({ secrets: { <NAME>: ... } })',
    }),
    http: createHttpClient({
      idempotencyKey,
      signal: options.signal,
      ...(options.httpTimeoutMs ? { timeoutMs: options.httpTimeoutMs } : {}),
      allow: options.httpAllow ?? [],
    }),
  };
  return ctx;
}

/**
 * Parses a node's config through its own schema, as validation does before the node
 * runs, so defaults apply and a test cannot pass a config the editor would refuse.
 * @example parseConfig(delay, { duration: '15m' })
 */
export function parseConfig<C extends z.ZodType>(node: { readonly config: C }, input: z.input<C>): z.output<C> {
  return node.config.parse(input);
}
