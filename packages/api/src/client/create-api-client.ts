import type { FlowDocumentInput } from '@switchyard/flow';
import type { z } from 'zod';
import { AuditVerification } from '../audit';
import {
  AnalyticsOverview,
  FlowAnalytics,
  type FlowAnalyticsQuery,
  NodeTickets,
  type NodeTicketsQuery,
  type OverviewQuery,
  Scorecard,
  WeeklyReport,
  type WeeklyReportQuery,
} from '../analytics';
import { Backtest, BacktestList, type BacktestRequest, BacktestStarted, BacktestSummary, BacktestTicket } from '../backtest';
import { DryRunResults } from '../dry-run';
import { EffectList, type EffectQuery, RuntimeStats } from '../runtime';
import { DraftSaved } from '../diagnostic';
import { DeploymentOrder, type ReorderDeploymentsRequest } from '../deployment-order';
import { FlowErrorList, type FlowErrorQuery } from '../flow-errors';
import { FlowCreated, FlowDetail, FlowList, FlowVersion, VersionPublished } from '../flows';
import { Health, NodeCatalog } from '../node-catalog';
import {
  FlowMetrics,
  type MigrateTicketsRequest,
  OpsNotificationList,
  Rollout,
  type RolloutActionRequest,
  type RolloutRequest,
  TicketsMigrated,
} from '../rollout';
import { AgentList, GroupList, SkillList } from '../roster';
import { SecretList, SecretView } from '../secrets';
import { CalendarList, CalendarView, type SaveCalendarRequest } from '../calendars';
import {
  EventAccepted,
  type NewTicket,
  TicketConversation,
  TicketCreatedResponse,
  type TicketEvent,
  TicketHistory,
  TicketList,
  type TicketQuery,
  TicketView,
} from '../tickets';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency-key';
import { ApiError } from './api-error';
import { authMethods } from './auth-methods';
import { consoleMethods } from './console-methods';
import { type ApiClientOptions, httpCall } from './http-call';

/** What to run a dry-run against: a published version, an unsaved document, or (neither) the saved draft. */
export type DryRunTarget = { readonly version: number } | { readonly document: FlowDocumentInput } | Record<string, never>;

/** A write made safe to retry: the same `idempotencyKey` (a UUID per write, kept across its retries) writes once. */
export interface IdempotencyOption {
  readonly idempotencyKey?: string;
}
const keyHeader = (options: IdempotencyOption): Record<string, string> =>
  options.idempotencyKey === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: options.idempotencyKey };

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;
const rolloutPath = (id: string) => `${flowPath(id)}/rollout`;
const backtestPath = (id: string) => `/api/backtests/${encodeURIComponent(id)}`;
/** `?a=1&b=x` of the given parameters (those undefined left out); '' when none. */
const query = (params: Readonly<Record<string, unknown>>) => {
  const entries = Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : []));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

/**
 * The one typed client of Switchyard's HTTP API, for the editor (same origin) and the CLI
 * (`--server`): a method per route, each answer parsed with its `@switchyard/api` schema, every
 * refusal an `ApiError` (a 409 carries the draft or deployment now: `draftConflict()`, `rolloutConflict()`).
 * Browser-safe: it needs only `fetch`.
 * @example
 * const client = createApiClient({ baseUrl: 'http://localhost:3000', headers: { authorization: 'Bearer s3cret' } });
 * const rollout = await client.getRollout('intake'); // null: not deployed
 * if (rollout) await client.promote('intake', { revision: rollout.revision });
 */
export function createApiClient(options: ApiClientOptions) {
  const call = httpCall(options);
  /** The same call, but a 404 answers null (a lookup that may miss). */
  const find = async <S extends z.ZodType>(schema: S, path: string): Promise<z.output<S> | null> => {
    try {
      return await call(schema, 'GET', path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  };
  return {
    health: () => call(Health, 'GET', '/api/health'),
    nodes: () => call(NodeCatalog, 'GET', '/api/nodes'),
    groups: () => call(GroupList, 'GET', '/api/groups'),
    agents: () => call(AgentList, 'GET', '/api/agents'),
    skills: () => call(SkillList, 'GET', '/api/skills'),
    runtimeStats: () => call(RuntimeStats, 'GET', '/api/runtime/stats'),
    /** Checks the audit log's hash chain (`switchyard audit verify`). */
    verifyAudit: () => call(AuditVerification, 'GET', '/api/audit/verify'),
    effects: (filter: z.input<typeof EffectQuery> = {}) => call(EffectList, 'GET', `/api/effects${query(filter)}`),
    /** The errors flows met on tickets (newest first); with `effects({ status: 'dead' })`, the failures list. */
    flowErrors: (filter: z.input<typeof FlowErrorQuery> = {}) => call(FlowErrorList, 'GET', `/api/flow-errors${query(filter)}`),
    /** The deployed flows in the order they run on each ticket. */
    deploymentOrder: () => call(DeploymentOrder, 'GET', '/api/deployments/order'),
    /** Reorders the deployed flows; a 409 when the order moved on from `current` (nothing moved then). */
    reorderDeployments: (body: ReorderDeploymentsRequest) => call(DeploymentOrder, 'PUT', '/api/deployments/order', body),
    listFlows: () => call(FlowList, 'GET', '/api/flows'),
    createFlow: (name: string, document?: FlowDocumentInput) =>
      call(FlowCreated, 'POST', '/api/flows', { name, ...(document ? { document } : {}) }),
    getFlow: (id: string) => call(FlowDetail, 'GET', flowPath(id)),
    /** The flow, or null when there is none by that id. */
    findFlow: (id: string) => find(FlowDetail, flowPath(id)),
    /** Saves the draft on top of `revision` (a 409 `draftConflict()` when someone saved since); without one, the last save wins. */
    saveDraft: (id: string, document: FlowDocumentInput, revision?: number) =>
      call(DraftSaved, 'PUT', `${flowPath(id)}/draft`, { document, ...(revision === undefined ? {} : { revision }) }),
    /**
     * Publishes exactly draft `revision` (a 409 `draftConflict()` when the draft moved on); without one, the draft now.
     * `note` is the change note kept with the version (why), shown in the versions list and in diffs.
     */
    publish: (id: string, revision?: number, note?: string) =>
      call(VersionPublished, 'POST', `${flowPath(id)}/versions`, {
        ...(revision === undefined ? {} : { revision }),
        ...(note ? { note } : {}),
      }),
    getVersion: (id: string, version: number) => call(FlowVersion, 'GET', `${flowPath(id)}/versions/${version}`),
    /**
     * Runs this flow among the deployed flows, as in production (`others: "deployed"`), or alone (`"none"`);
     * with `explain`, each result also says why (`decisions`: each condition's answer and inputs).
     */
    dryRun: (id: string, target: DryRunTarget, tickets: readonly unknown[], others: 'deployed' | 'none' = 'deployed', explain = false) =>
      call(DryRunResults, 'POST', `${flowPath(id)}/dry-run`, { ...target, tickets, others, ...(explain ? { explain: true } : {}) }),
    /** The flow's rollout; null when the flow is not deployed. */
    getRollout: (id: string) => find(Rollout, rolloutPath(id)),
    /** Changes the deployment; with `revision`, a 409 `rolloutConflict()` when it moved on since. */
    putRollout: (id: string, body: RolloutRequest) => call(Rollout, 'PUT', rolloutPath(id), body),
    promote: (id: string, body: RolloutActionRequest = {}) => call(Rollout, 'POST', `${rolloutPath(id)}/promote`, body),
    rollback: (id: string, body: RolloutActionRequest = {}) => call(Rollout, 'POST', `${rolloutPath(id)}/rollback`, body),
    /** Moves open tickets of one version to another; a 409's `fieldIssues()` name each ticket that cannot move (then none moved). */
    migrateTickets: (id: string, body: MigrateTicketsRequest) => call(TicketsMigrated, 'POST', `${rolloutPath(id)}/migrate`, body),
    /** Per-version numbers and the candidate against stable (the deployed ones, or those named). */
    metrics: (id: string, versions: { readonly stable?: number; readonly candidate?: number } = {}) =>
      call(FlowMetrics, 'GET', `${flowPath(id)}/metrics${query(versions)}`),
    /** What the runtime told ops (guardrail rollbacks, finished ramps), newest first. */
    notifications: (limit = 20) => call(OpsNotificationList, 'GET', `/api/notifications${query({ limit })}`),
    /** Opens a ticket; with `idempotencyKey`, a retry with the same key answers the same ticket instead of opening another. */
    createTicket: (ticket: z.input<typeof NewTicket>, options: IdempotencyOption = {}) =>
      call(TicketCreatedResponse, 'POST', '/api/tickets', ticket, keyHeader(options)),
    /** Queues an event; with `idempotencyKey`, a retry with the same key answers the same event instead of queueing it again. */
    sendEvent: (ticketId: string, event: z.input<typeof TicketEvent>, options: IdempotencyOption = {}) =>
      call(EventAccepted, 'POST', `/api/tickets/${encodeURIComponent(ticketId)}/events`, event, keyHeader(options)),
    getTicket: (ticketId: string) => call(TicketView, 'GET', `/api/tickets/${encodeURIComponent(ticketId)}`),
    ticketHistory: (ticketId: string) => call(TicketHistory, 'GET', `/api/tickets/${encodeURIComponent(ticketId)}/history`),
    ticketMessages: (ticketId: string) => call(TicketConversation, 'GET', `/api/tickets/${encodeURIComponent(ticketId)}/messages`),
    listTickets: (filter: z.input<typeof TicketQuery> = {}) => call(TicketList, 'GET', `/api/tickets${query(filter)}`),
    /** Every secret's status and users; never a value. */
    secrets: () => call(SecretList, 'GET', '/api/secrets'),
    /** Write-only: the answer is the secret's status, never its value. */
    putSecret: (name: string, value: string) => call(SecretView, 'PUT', `/api/secrets/${encodeURIComponent(name)}`, { value }),
    deleteSecret: (name: string) => call(SecretView, 'DELETE', `/api/secrets/${encodeURIComponent(name)}`),
    /** The team dashboard over tickets created in the period (UTC days), optionally one group and channel. */
    analyticsOverview: (q: OverviewQuery = {}) => call(AnalyticsOverview, 'GET', `/api/analytics/overview${query(q)}`),
    /** A flow's node, edge, wait, error and rule-quality figures for a period (one version, or all). */
    flowAnalytics: (id: string, q: FlowAnalyticsQuery = {}) => call(FlowAnalytics, 'GET', `${flowPath(id)}/analytics${query(q)}`),
    /** Sample tickets behind a node's figure (entered, misroute, corrected). */
    nodeTickets: (id: string, q: NodeTicketsQuery) => call(NodeTickets, 'GET', `${flowPath(id)}/analytics/tickets${query(q)}`),
    weeklyReport: (q: Omit<WeeklyReportQuery, 'format'>) => call(WeeklyReport, 'GET', `/api/reports/weekly${query(q)}`),
    /** Where the weekly CSV or PDF downloads from (a link the browser follows with its session). */
    weeklyReportUrl: (q: WeeklyReportQuery) => `${options.baseUrl.replace(/\/+$/, '')}/api/reports/weekly${query(q)}`,
    scorecard: () => call(Scorecard, 'GET', '/api/reports/scorecard'),
    saveScorecard: (card: Scorecard) => call(Scorecard, 'PUT', '/api/reports/scorecard', card),
    /** Starts a backtest of a flow (202): a `version`, a `document`, or the draft, over recorded tickets of `[from, to)`. */
    startBacktest: (id: string, body: BacktestRequest) => call(BacktestStarted, 'POST', `${flowPath(id)}/backtest`, body),
    /** A backtest's progress, differing tickets and differences by kind (partial while it runs). */
    getBacktest: (backtestId: string) => call(Backtest, 'GET', backtestPath(backtestId)),
    listBacktests: (flowId?: string) => call(BacktestList, 'GET', `/api/backtests${query({ flowId })}`),
    /** One differing ticket: both replays side by side. */
    backtestTicket: (backtestId: string, ticketId: string) =>
      call(BacktestTicket, 'GET', `${backtestPath(backtestId)}/tickets/${encodeURIComponent(ticketId)}`),
    cancelBacktest: (backtestId: string) => call(BacktestSummary, 'POST', `${backtestPath(backtestId)}/cancel`),
    deleteBacktest: (backtestId: string) => call(BacktestSummary, 'DELETE', backtestPath(backtestId)),
    /** Business calendars: the stored ones and the shipped default. */
    calendars: () => call(CalendarList, 'GET', '/api/calendars'),
    /** Creates or replaces a calendar by id (with an iCal feed's days added when `ical` is given). */
    saveCalendar: (calendar: SaveCalendarRequest) => call(CalendarView, 'POST', '/api/calendars', calendar),
    ...authMethods(call),
    ...consoleMethods(call),
  };
}

/** The client `createApiClient` makes. */
export type ApiClient = ReturnType<typeof createApiClient>;
