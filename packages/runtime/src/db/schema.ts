import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { StoredText } from './stored/stored-shape';

declare const jsonText: unique symbol;

/** JSON text `json()` wrote from a value of type T: a `Json<T>` column takes nothing else. */
export type JsonText<T> = string & { readonly [jsonText]: T };

/**
 * A jsonb column of plain JSON (a list of tags): read as the parsed value, written as JSON
 * text. Both drivers would turn a JS array into a Postgres array literal, so every write goes
 * through `json()`, which takes the column's type.
 */
export type Json<T> = ColumnType<T, JsonText<T>, JsonText<T>>;

/**
 * A jsonb column holding a stored shape (`db/stored/`): read as unknown, so a reader must
 * parse it with `readStored`; written only by the shape's `json()`, which records its version.
 */
export type Stored<Name extends string> = ColumnType<unknown, StoredText<Name>, StoredText<Name>>;
/** A timestamptz column: read as a Date, written as a Date. */
export type Timestamp = ColumnType<Date, Date, Date>;
/** A bigint identity: both drivers return int8 as text (it can exceed 2^53). */
export type BigId = ColumnType<string, never, never>;

export interface FlowsTable {
  id: string;
  name: string;
  description: string;
  /** The draft flow document (`flowDocumentShape`), saved even when it would not publish. */
  draft: Stored<'flow-document'>;
  /** The draft's revision: 1 at creation, one more on every save (migration 0005). */
  revision: Generated<number>;
  /**
   * The draft's diagnostics (`draftDiagnosticsShape`), computed when it was saved with the node
   * types of that time; NULL for drafts saved before migration 0007 (computed on first read).
   */
  diagnostics: Stored<'draft-diagnostics'> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A published version: immutable once written (no code path updates or deletes it). */
export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  /** The published flow document (`flowDocumentShape`). */
  document: Stored<'flow-document'>;
  /** The CompiledFlow (machine JSON and node configs): `compiledFlowShape`. */
  compiled: Stored<'compiled-flow'>;
  author: string | null;
  created_at: Timestamp;
  /** The publisher's change note (migration 0012); NULL when none was given. */
  note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The id of the user who published it (`admin` for the break-glass token); null before migration 0009 (two-person rule). */
  published_by: ColumnType<string | null, string | null | undefined, never>;
}

/** Which version new tickets get: the stable one, or the candidate for `percent` % of them. */
export interface DeploymentsTable {
  flow_id: string;
  stable: number;
  candidate: number | null;
  percent: number;
  /** Flows run in this order for each ticket (then by flow id). */
  position: number;
  updated_at: Timestamp;
  /** Guardrail[] (see @switchyard/api): when one trips, the candidate goes back to 0%. */
  guardrails: ColumnType<unknown[], string | undefined, string>;
  /** The ramp plan `{ steps, every }`, kept after it ends for the record; null: none. */
  ramp: Stored<'deployment-ramp'> | null;
  /** Index in the plan's steps of the share applied now; -1 before the first. */
  ramp_step: Generated<number>;
  /** When the plan's next step applies; null once it is done or stopped. */
  next_step_at: Timestamp | null;
  /** The GuardrailTrip that last rolled the candidate back, until the rollout is changed again. */
  tripped: Stored<'guardrail-trip'> | null;
  /** 1 when first deployed, one more on every change, the worker's included (migration 0005). */
  revision: Generated<number>;
}

export interface GroupsTable {
  id: string;
  name: string;
  name_zh: string | null;
}

export interface SkillsTable {
  id: string;
  name: string;
  name_zh: string | null;
}

export interface AgentsTable {
  id: string;
  name: string;
  groups: Json<string[]>;
  skills: Json<string[]>;
  seniority: string;
  /** Kept equal to status = 'online' (migration 0024 added status). */
  online: boolean;
  supervisor: boolean;
  /** online | away | offline (migration 0024). */
  status: ColumnType<string, string | undefined, string>;
  /** The most open tickets routing gives the agent; null: no limit (migration 0024). */
  capacity: ColumnType<number | null, number | null | undefined, number | null>;
}

/**
 * Each agent's open tickets and routing turn (migration 0024), kept by triggers on `tickets`
 * in the transaction that changes a ticket: routing reads them instead of counting.
 */
export interface AgentLoadsTable {
  agent_id: string;
  open_tickets: number;
  /** The turn (a rising sequence value) the agent was last given a ticket; 0: never. int8, read as text. */
  last_routed: ColumnType<string, never, never>;
}

/** The turn each agent was last given a ticket of each group (migration 0027): round robin within a group. */
export interface AgentGroupTurnsTable {
  agent_id: string;
  group_id: string;
  /** int8, read as text. */
  last_routed: ColumnType<string, never, never>;
}

export interface CustomersTable {
  id: string;
  name: string;
  tier: string;
  contact: string | null;
}

export interface TicketsTable {
  id: string;
  number: string;
  channel: string;
  subject: string;
  body: string;
  customer_id: string;
  order_id: string | null;
  category: string | null;
  /** The level-two category (migration 0025); null: none chosen. */
  subcategory: ColumnType<string | null, string | null | undefined, string | null>;
  priority: string;
  status: string;
  group: string | null;
  assignee: string | null;
  tags: Json<string[]>;
  flags: Json<string[]>;
  escalation_level: number;
  /** TicketStats, the counters conditions read: `ticketStatsShape`. */
  stats: Stored<'ticket-stats'>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When a worker must next look at this ticket (a pending event or a due timer); null: nothing to do. */
  wake_at: Timestamp | null;
  /** When an agent last acted on it (reply, note, take, transfer): migration 0014; null: never. */
  touched_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Since when it is abnormal (flagged `abnormal` or escalated), set by a trigger (migration 0014). */
  abnormal_at: ColumnType<Date | null, never, Date | null>;
  /** lower(number, customer id, subject, body): generated (migration 0014), searched with LIKE. */
  search_text: ColumnType<string, never, never>;
  /** The earliest pending timer of its flows, kept by a trigger on `timers` (migration 0030); null: none. */
  next_due_at: ColumnType<Date | null, never, never>;
  /** A flow saw its SLA breached, kept by a trigger on `ticket_outcomes` (migration 0030). */
  sla_breached: ColumnType<boolean, never, never>;
}

/** The last sequence number given out per month, for GD + yyyyMM + seq ticket numbers. */
export interface TicketNumbersTable {
  month: string;
  last: number;
}

/** The run of one flow version on one ticket. */
export interface TicketFlowsTable {
  ticket_id: string;
  flow_id: string;
  version: number;
  /** The persisted state and context (`flowSnapshotShape`); null until the flow first moves (idle). */
  snapshot: Stored<'flow-snapshot'> | null;
  /** How often each action node was entered, for idempotency keys. */
  visits: Stored<'flow-visits'>;
  updated_at: Timestamp;
}

/**
 * The inbox of a ticket: ticket events from the API, and effect results addressed to one
 * flow. Applied in id order under the ticket's row lock.
 */
export interface TicketEventsTable {
  id: BigId & Generated<string>;
  ticket_id: string;
  type: string;
  /** The ticket event (`ticketEventShape`), or for effect.done / effect.error the effect's result (`effectResultShape`). */
  payload: Stored<'ticket-event' | 'effect-result'>;
  /** Set for effect.done / effect.error: the flow and action node the result belongs to. */
  flow_id: string | null;
  node_id: string | null;
  /** Business time of the event (the clock when it was accepted). */
  at: Timestamp;
  applied_at: Timestamp | null;
}

/** A wait's timeout: fires `event_type` into the flow when due. */
export interface TimersTable {
  ticket_id: string;
  flow_id: string;
  timer_id: string;
  event_type: string;
  due_at: Timestamp;
}

export type OutboxStatus = 'pending' | 'running' | 'done' | 'dead';

/** A side effect to deliver (reply, notify, http...), at least once, deduplicated downstream by its key. */
export interface OutboxTable {
  id: BigId & Generated<string>;
  ticket_id: string;
  flow_id: string;
  version: number;
  node_id: string;
  idempotency_key: string;
  /** What the action sees when it runs: ticket, stats, vars, event and time of the step that asked for it. */
  request: Stored<'effect-request'>;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  /** A running delivery's claim ends here; past it, another worker may take the effect over. */
  lease_until: Timestamp | null;
  last_error: string | null;
  /** What a delivered effect gave (`effectOutcomeShape`). */
  result: Stored<'effect-outcome'> | null;
  created_at: Timestamp;
  done_at: Timestamp | null;
}

/** A ticket's conversation: what the customer wrote, what agents and flows answered, team notices. */
export interface TicketMessagesTable {
  id: BigId & Generated<string>;
  ticket_id: string;
  /** `in` from the customer, `out` to the customer, `team` inside the team. */
  direction: 'in' | 'out' | 'team';
  /** A customer id, an agent id, or `flow:<flowId>/<nodeId>`. */
  author: string;
  /** The channel (customer messages) or im/email/sms (team notices). */
  via: string;
  recipient: string | null;
  body: string;
  language: string | null;
  /** Set for messages flows sent: one message per effect, however often it was delivered. */
  idempotency_key: string | null;
  at: Timestamp;
}

/** Append-only (a trigger refuses updates and deletes): what happened, when, by whom. */
export interface AuditLogTable {
  id: BigId & Generated<string>;
  at: Timestamp;
  actor: string;
  ticket_id: string | null;
  flow_id: string | null;
  kind: string;
  /** The detail of the kind (`AuditEntry`): written by `recordAudit` only, read by `readAuditRow`. */
  detail: Stored<'audit-detail'>;
  /** Its place in the audit chain (migration 0011): 1, 2, 3... in append order; null only for a row not written by `recordAudit`. */
  chain_seq: ColumnType<string | null, string | undefined, never>;
  /** sha256 of the previous row's hash and this row's content (`auditRowHash`). */
  hash: ColumnType<string | null, string | undefined, never>;
  /** The chain it is on (migration 0022): its ticket's id, or null for the global chain of `audit_chain`. */
  chain: ColumnType<string | null, string | null | undefined, never>;
  /** A `packed` row's entry kinds and flows, distinct (migration 0033), for the indexes; null on a one-entry row. */
  kinds: ColumnType<string[] | null, string[] | null | undefined, never>;
  flows: ColumnType<string[] | null, string[] | null | undefined, never>;
}

/**
 * The view `audit_entries` (migration 0033): every audit entry, a one-entry row passed through
 * and a `packed` row unpacked, in (`row_id`, `ordinal`) order; read through `audit/audit-entries.ts`.
 */
export interface AuditEntriesView {
  /** The row's id, or `<row id>.<n>` for the nth entry of a packed row. */
  id: ColumnType<string, never, never>;
  row_id: ColumnType<string, never, never>;
  ordinal: ColumnType<number, never, never>;
  at: ColumnType<Date, never, never>;
  actor: ColumnType<string, never, never>;
  ticket_id: ColumnType<string | null, never, never>;
  flow_id: ColumnType<string | null, never, never>;
  kind: ColumnType<string, never, never>;
  /** The entry's `audit-detail` (read by `readAuditRow`). */
  detail: ColumnType<unknown, never, never>;
  /** The row's time: its latest entry's for a packed row. */
  row_at: ColumnType<Date, never, never>;
  /** What the row holds: its kinds and flows (one each for a one-entry row), what the indexes find rows by. */
  row_kinds: ColumnType<string[], never, never>;
  row_flows: ColumnType<(string | null)[], never, never>;
}

/** The head of each ticket's audit chain (migration 0022): locked by every append to that ticket's history. */
export interface AuditChainHeadsTable {
  chain: string;
  seq: ColumnType<string, string, string>;
  hash: string;
}

/** The head of the audit chain (migration 0011): one row, locked by every append. */
export interface AuditChainTable {
  id: number;
  /** The last position appended (0: none yet); bigint as text. */
  seq: ColumnType<string, string, string>;
  hash: string;
}

/**
 * What happened to a ticket in one flow, kept current by the transaction that audits it
 * (migration 0006): one row per binding, moved along with it by a migration. Each time is
 * when it first happened; null: not (yet).
 */
export interface TicketOutcomesTable {
  ticket_id: string;
  flow_id: string;
  version: number;
  /** When the ticket was bound to the flow (its creation). */
  started_at: Timestamp;
  /** Since when the ticket is in a done status (resolved, closed); null while it is not. */
  completed_at: Timestamp | null;
  /** A flow.error of this flow, or one of its effects dead-lettered. */
  errored_at: Timestamp | null;
  /** One of this flow's escalate actions. */
  escalated_at: Timestamp | null;
  /** A timeout of one of this flow's waits for an event: a deadline passed without it. */
  sla_breached_at: Timestamp | null;
  /** The first message out to the customer (an agent's or a flow's). */
  first_response_at: Timestamp | null;
  /** The first time the ticket reached a done status, by an action or an event. */
  resolved_at: Timestamp | null;
}

/** Per flow version (in a few shards), the counts the guardrails read; kept by triggers on ticket_outcomes. */
export interface FlowVersionOutcomesTable {
  flow_id: string;
  version: number;
  shard: number;
  bound: number;
  errored: number;
  escalated: number;
  sla_breached: number;
}

/** Things ops must learn without watching (a guardrail rolled back...), delivered to a webhook at least once. */
export interface OpsNotificationsTable {
  id: BigId & Generated<string>;
  at: Timestamp;
  kind: string;
  flow_id: string | null;
  /** `{ en, zh-CN }`. */
  message: Json<unknown>;
  detail: Json<unknown>;
  delivered_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
}

/** A secret nodes read; the API writes it and never reads the value back (migration 0004). */
export interface SecretsTable {
  name: string;
  /** The value, encrypted unless `cipher` is `none` (rows saved before the data key, sealed at start). */
  value: string;
  /** `data-key`: `v1:<keyId>:...` sealed with the data key ring; `aes-256-gcm`: the legacy SWITCHYARD_SECRETS_KEY. */
  cipher: 'data-key' | 'aes-256-gcm' | 'none';
  updated_at: Timestamp;
  updated_by: string;
}

/**
 * A request's `Idempotency-Key` and its first answer (migration 0008): written in the
 * transaction of the write it answers, forgotten after 24 h. `status` and `response` are null
 * only inside that transaction, so nobody else ever reads them null.
 */
export interface IdempotencyKeysTable {
  /** The route and what it writes to (`POST /api/tickets/{id}/events t-1`). */
  scope: string;
  key: string;
  /** sha-256 of the request body's canonical JSON: the same key with another body is refused. */
  request_hash: string;
  status: number | null;
  /** The answer's body (`ticketCreatedAnswerShape` or `eventAcceptedAnswerShape`). */
  response: Stored<'ticket-created-answer' | 'event-accepted-answer'> | null;
  created_at: Timestamp;
}

/** A person who signs in (migration 0009). `roles` and `groups` are text[]: written as JS arrays. */
export interface UsersTable {
  id: string;
  /** Always lower-case (a check constraint): one account per address. */
  email: string;
  name: string;
  language: 'en' | 'zh-CN';
  roles: string[];
  groups: string[];
  /** The roster agent this user works as: tickets assigned to it are theirs. */
  agent_id: string | null;
  /** argon2id (PHC string); null for users who sign in only through SSO. */
  password_hash: string | null;
  disabled: boolean;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Timestamp;
  last_login_at: Timestamp | null;
}

/** A browser session: `id` is sha-256 of the cookie's secret, which is never stored. */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  /** The absolute end; the idle end is `last_seen_at` plus the idle limit. */
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** A personal API token: `token_hash` is sha-256 of the secret shown once at creation. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  roles: string[];
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A failed sign-in, counted per account and per address for the rate limit; old rows are forgotten. */
export interface LoginFailuresTable {
  id: BigId;
  account: string;
  address: string;
  failed_at: Timestamp;
}

/** A supervisor stepping into an abnormal ticket: why it went wrong and the fix (migration 0014). */
export interface StepInsTable {
  id: BigId & Generated<string>;
  ticket_id: string;
  by_user: string;
  at: Timestamp;
  cause: string;
  resolution: string;
}

/** A decided approval: what was asked, of whom, and the answer (migration 0028). */
export interface ApprovalDecisionsTable {
  id: string;
  ticket_id: string;
  flow_id: string;
  node: string;
  question: string;
  role: string | null;
  user: string | null;
  requested_at: Timestamp;
  due_at: Timestamp;
  decision: 'approve' | 'reject';
  note: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

/** A notice for a user, the users working as an agent, or a group's members (migration 0014). */
export interface UserNotificationsTable {
  id: BigId & Generated<string>;
  recipient_kind: 'user' | 'agent' | 'group';
  recipient: string;
  kind: string;
  ticket_id: string;
  by_actor: string;
  /** `{ en, zh-CN }`. */
  message: Json<{ en: string; 'zh-CN': string }>;
  at: Timestamp;
  read_at: Timestamp | null;
}

/** One ticket's facts for the dashboard (migration 0016), refreshed by `recordAudit`; '' for a group, category or assignee not set. */
export interface AnalyticsTicketsTable {
  ticket_id: string;
  created_at: Timestamp;
  channel: string;
  grp: string;
  category: string;
  status: string;
  assignee: string;
  /** From creation to the first message out (an agent's or a flow's); bigint as text. */
  first_response_ms: ColumnType<string | null, string | number | null, string | number | null>;
  /** The first time the ticket reached a done status. */
  resolved_at: Timestamp | null;
  agent_replies: number;
  /** It went from a done status back to an open one. */
  reopened: boolean;
  /** The last survey score. */
  csat: number | null;
  /** A deadline of one of its flows passed (or it carries the sla_breached tag). */
  breached: boolean;
  /** The flow action that last assigned it (assign, transfer, handoff), for misroutes. */
  routed_flow: string | null;
  routed_node: string | null;
  routed_at: Timestamp | null;
  /** The flow action that last set its category, for corrections. */
  categorized_flow: string | null;
  categorized_node: string | null;
  misrouted: boolean;
  corrected: boolean;
}

/** Counts per ticket creation day, group and channel (migration 0016), summed from `analytics_tickets`. */
export interface AnalyticsDailyTable {
  day: ColumnType<string, string, string>;
  grp: string;
  channel: string;
  metric: string;
  key: string;
  /** bigint as text. */
  n: ColumnType<string, string | number, string | number>;
  total: number;
  /** Which of the key's rows (migration 0034): readers sum over it. */
  shard: ColumnType<number, number | undefined, number>;
}

/** Counters per day, flow and version (migration 0016): nodes entered, edges taken, errors, wait buckets, rule marks. */
export interface AnalyticsFlowDailyTable {
  day: ColumnType<string, string, string>;
  flow_id: string;
  version: number;
  metric: string;
  key: string;
  n: ColumnType<string, string | number, string | number>;
  total: number;
  /** Which of the key's rows (migration 0034): readers sum over it. */
  shard: ColumnType<number, number | undefined, number>;
}

/** Where each ticket's flow rests now and since when (migration 0016): a wait's duration ends when it leaves. */
export interface AnalyticsWaitsOpenTable {
  ticket_id: string;
  flow_id: string;
  node_id: string;
  since: Timestamp;
}

/** The tickets behind rule-quality figures (migration 0017). */
export interface AnalyticsRuleMarksTable {
  id: BigId & Generated<string>;
  ticket_id: string;
  flow_id: string;
  node_id: string;
  mark: string;
  at: Timestamp;
}

/** Analytics settings (migration 0017): the quality scorecard (`scorecardShape`). */
export interface AnalyticsSettingsTable {
  id: string;
  value: Stored<'scorecard'>;
  updated_at: Timestamp;
  updated_by: string;
}

/** A business calendar (migration 0019): the calendar and its groups as the `business-calendar` stored shape. */
export interface CalendarsTable {
  id: string;
  calendar: Stored<'business-calendar'>;
  updated_at: Timestamp;
  updated_by: string;
}

export interface Database {
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  deployments: DeploymentsTable;
  groups: GroupsTable;
  skills: SkillsTable;
  agents: AgentsTable;
  agent_loads: AgentLoadsTable;
  agent_group_turns: AgentGroupTurnsTable;
  customers: CustomersTable;
  tickets: TicketsTable;
  ticket_numbers: TicketNumbersTable;
  ticket_flows: TicketFlowsTable;
  ticket_events: TicketEventsTable;
  timers: TimersTable;
  outbox: OutboxTable;
  ticket_messages: TicketMessagesTable;
  audit_log: AuditLogTable;
  audit_entries: AuditEntriesView;
  audit_chain: AuditChainTable;
  audit_chain_heads: AuditChainHeadsTable;
  ticket_outcomes: TicketOutcomesTable;
  flow_version_outcomes: FlowVersionOutcomesTable;
  ops_notifications: OpsNotificationsTable;
  secrets: SecretsTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  step_ins: StepInsTable;
  approval_decisions: ApprovalDecisionsTable;
  user_notifications: UserNotificationsTable;
  analytics_tickets: AnalyticsTicketsTable;
  analytics_daily: AnalyticsDailyTable;
  analytics_flow_daily: AnalyticsFlowDailyTable;
  analytics_waits_open: AnalyticsWaitsOpenTable;
  analytics_rule_marks: AnalyticsRuleMarksTable;
  analytics_settings: AnalyticsSettingsTable;
  backtests: BacktestsTable;
  backtest_tickets: BacktestTicketsTable;
  calendars: CalendarsTable;
}

/** A backtest job (migration 0018): its request, progress, and the lease of the worker running a batch of it. */
export interface BacktestsTable {
  id: string;
  flow_id: string;
  /** The version replayed as the candidate; null for the draft or an unsaved document. */
  version: number | null;
  /** The candidate, compiled when the job started (`compiledFlowShape`). */
  candidate: Stored<'compiled-flow'>;
  from_at: Timestamp;
  to_at: Timestamp;
  /** When the job started: tickets are replayed up to this instant, as far as production had run them. */
  as_of: Timestamp;
  max_tickets: number | null;
  /** `backtestFilterShape`. */
  filter: Stored<'backtest-filter'>;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  done: Generated<number>;
  differing: Generated<number>;
  replay_errors: Generated<number>;
  /** Some ticket was replayed with today's roster (no load recorded for it). */
  roster_today: Generated<boolean>;
  /** The last ticket replayed, in (created_at, id) order: the job goes on after it. */
  cursor_at: Timestamp | null;
  cursor_id: string | null;
  /** A worker holds the job until then; null: free. */
  lease_until: Timestamp | null;
  error: string | null;
  created_at: Timestamp;
  created_by: string;
  finished_at: Timestamp | null;
}

/** A ticket of a backtest whose outcome differs or whose replay disagreed with production. */
export interface BacktestTicketsTable {
  backtest_id: string;
  ticket_id: string;
  /** Its place among the job's tickets (oldest first). */
  seq: number;
  /** `backtestSummaryShape`: kinds and replay error. */
  summary: Stored<'backtest-difference'>;
  /** `backtestReplaysShape`: both replays side by side. */
  detail: Stored<'backtest-replays'>;
}

export type TicketRow = Selectable<TicketsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

/**
 * Serializes a value for a plain jsonb column (see `Json`); a stored shape's column takes its
 * shape's `json()` instead.
 * @example await trx.updateTable('tickets').set({ tags: json(['vip']) }).execute();
 */
export function json<T>(value: T): JsonText<T> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the brand only records the type the text was serialized from
  return JSON.stringify(value) as JsonText<T>;
}
