import type { CalendarBook } from '@switchyard/calendar';
import type { Ticket, TicketEvent, TicketPatch } from '@switchyard/flow';
import type { NodeHttpClient } from './node-http';
import type { NodeLogger } from './node-logger';
import type { NodeSecrets } from './node-secrets';
import type { Roster } from './roster';

/** Counters the host keeps per ticket so conditions need no history of their own. */
export interface TicketStats {
  /** Customer messages since the ticket was last opened (a resolve resets it). */
  readonly customerMessages: number;
  readonly agentReplies: number;
  /** The latest customer messages, oldest first (at most 10). */
  readonly recentMessages: readonly string[];
  readonly firstAgentReplyAt: string | null;
}

export const EMPTY_STATS: TicketStats = { customerMessages: 0, agentReplies: 0, recentMessages: [], firstAgentReplyAt: null };

/** What a trigger, condition or wait sees: read-only, so evaluation stays pure. */
export interface NodeContext {
  readonly ticket: Ticket;
  readonly stats: TicketStats;
  readonly now: Date;
  /** The ticket event being handled, when this step started from one. */
  readonly event?: TicketEvent;
  /** Outputs of earlier actions of this run, by node id. */
  readonly vars: Readonly<Record<string, unknown>>;
  /** The host's business calendars (one per group, or the default); absent: the shipped default. */
  readonly calendars?: CalendarBook;
}

/** What an action sees: the node context plus the host's services. */
export interface ActionContext extends NodeContext {
  /** The id of the node running (its previous output, if any, is `vars[node]`); absent in some tests. */
  readonly node?: string;
  /** Agents, groups and their load, for assignment. */
  readonly roster: Roster;
  /** Stable per (ticket, flow, node, visit): external systems deduplicate on it. */
  readonly idempotencyKey: string;
  /** Renders a `{{ticket.number}}`-style template against this context. */
  render(template: string): string;
  /** Cancelled when the node's timeout passes. */
  readonly signal?: AbortSignal;
  /** Structured log lines, bound to the ticket, flow and node by the host. */
  readonly logger: NodeLogger;
  /** The secrets the node declared (`secrets: [...]` in `defineNode`); none in a dry-run. */
  readonly secrets: NodeSecrets;
  /**
   * JSON over HTTP with the node's timeout, the host's cancel signal and the
   * `Idempotency-Key` header; in a dry-run every call throws (`simulate` does no I/O).
   */
  readonly http: NodeHttpClient;
}

/** What an action did. */
export interface ActionResult {
  /** The effect as recorded in the dry-run report and audit (defaults to the config). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Ticket fields to change, applied in the same step. */
  readonly patch?: TicketPatch;
  /** Data later nodes can read as `vars.<nodeId>`. */
  readonly output?: unknown;
  /** A message for the host to deliver (the ticket's conversation, and the channel gateway when one is set). */
  readonly message?: OutboundMessage;
}

/** A message an action composed: to the customer, or inside the team. */
export interface OutboundMessage {
  readonly audience: 'customer' | 'team';
  readonly body: string;
  /** Who inside the team (an agent or group id, or `supervisor`); absent for the customer. */
  readonly recipient?: string | null;
  /** How it goes out: the ticket's channel for the customer; im, email or sms inside the team. */
  readonly via?: string;
  readonly language?: 'zh-CN' | 'en';
}
