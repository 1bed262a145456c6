import type { FlowDocument } from '@switchyard/flow';
import { z } from 'zod';
import {
  AgentList,
  Diagnostic,
  DraftConflict,
  DraftSaved,
  DryRunResults,
  ErrorBody,
  FlowCreated,
  FlowDetail,
  FlowList,
  FlowMetrics,
  FlowVersion,
  GroupList,
  type MigrateTicketsRequest,
  NodeCatalog,
  OpsNotificationList,
  Rollout,
  RolloutConflict,
  type RolloutRequest,
  RuntimeStats,
  SecretList,
  SecretView,
  SkillList,
  TicketsMigrated,
  VersionPublished,
} from './schemas';

/** A non-2xx answer from the API, with the server's `{ error, details }` and the whole answer as `body`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown,
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What to run a dry-run against: a published version, an unsaved document, or (neither) the saved draft. */
export type DryRunTarget = { readonly version: number } | { readonly document: FlowDocument } | Record<string, never>;

const TOKEN_KEY = 'switchyard.token';

/** Token for `Authorization: Bearer`, kept in localStorage (the token form or a login page puts it there). */
function bearerToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the API token for later requests; an empty one forgets it. */
export function saveToken(token: string): void {
  if (token.trim()) localStorage.setItem(TOKEN_KEY, token.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

/** True when the server refused a request for want of a (valid) token. */
export const needsToken = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

async function request<T extends z.ZodType>(schema: T, method: string, url: string, body?: unknown): Promise<z.output<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = bearerToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const json: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(json);
    throw new ApiError(response.status, parsed.success ? parsed.data.error : `${response.status} ${response.statusText}`, parsed.success ? parsed.data.details : json, json);
  }
  return schema.parse(json);
}

/** Diagnostics a 422 publish answer carries in `details`. */
export function diagnosticsOf(error: unknown): Diagnostic[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = z.array(Diagnostic).safeParse(error.details);
  return parsed.success ? parsed.data : [];
}

/** The server's draft when a save or publish was refused because someone saved since (409); else undefined. */
export function draftConflictOf(error: unknown): DraftConflict | undefined {
  return error instanceof ApiError && error.status === 409 ? DraftConflict.safeParse(error.body).data : undefined;
}

/** The deployment now when a rollout change was refused because it moved on (409); else undefined. */
export function rolloutConflictOf(error: unknown): RolloutConflict | undefined {
  return error instanceof ApiError && error.status === 409 ? RolloutConflict.safeParse(error.body).data : undefined;
}

/** The same request, but a 404 answers null (a lookup that may miss). */
async function find<T extends z.ZodType>(schema: T, url: string): Promise<z.output<T> | null> {
  try {
    return await request(schema, 'GET', url);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const rolloutUrl = (id: string) => `/api/flows/${encodeURIComponent(id)}/rollout`;

/** The server's API on relative URLs: the server serves the editor from the same origin. */
export const api = {
  nodes: () => request(NodeCatalog, 'GET', '/api/nodes'),
  groups: () => request(GroupList, 'GET', '/api/groups'),
  agents: () => request(AgentList, 'GET', '/api/agents'),
  skills: () => request(SkillList, 'GET', '/api/skills'),
  runtimeStats: () => request(RuntimeStats, 'GET', '/api/runtime/stats'),
  listFlows: () => request(FlowList, 'GET', '/api/flows'),
  createFlow: (name: string, document: FlowDocument) => request(FlowCreated, 'POST', '/api/flows', { name, document }),
  getFlow: (id: string) => request(FlowDetail, 'GET', `/api/flows/${encodeURIComponent(id)}`),
  /** Saves the draft on top of `revision`; a 409 (`draftConflictOf`) when someone saved since. */
  saveDraft: (id: string, document: FlowDocument, revision: number) => request(DraftSaved, 'PUT', `/api/flows/${encodeURIComponent(id)}/draft`, { document, revision }),
  /** Publishes exactly draft `revision`; a 409 (`draftConflictOf`) when the draft moved on. */
  publish: (id: string, revision: number) => request(VersionPublished, 'POST', `/api/flows/${encodeURIComponent(id)}/versions`, { revision }),
  getVersion: (id: string, version: number) => request(FlowVersion, 'GET', `/api/flows/${encodeURIComponent(id)}/versions/${version}`),
  /** Runs this flow among the deployed flows, as in production (`others: "deployed"`), or alone (`"none"`). */
  dryRun: (id: string, target: DryRunTarget, tickets: readonly unknown[], others: 'deployed' | 'none') =>
    request(DryRunResults, 'POST', `/api/flows/${encodeURIComponent(id)}/dry-run`, { ...target, tickets, others }),
  /** The flow's rollout; null when the flow is not deployed. */
  getRollout: (id: string) => find(Rollout, rolloutUrl(id)),
  putRollout: (id: string, body: RolloutRequest) => request(Rollout, 'PUT', rolloutUrl(id), body),
  /** Promote and roll back name the deployment `revision` they were decided on; a 409 (`rolloutConflictOf`) when it moved on. */
  promote: (id: string, revision: number, reason?: string) => request(Rollout, 'POST', `${rolloutUrl(id)}/promote`, { revision, ...(reason ? { reason } : {}) }),
  rollback: (id: string, revision: number, reason?: string) => request(Rollout, 'POST', `${rolloutUrl(id)}/rollback`, { revision, ...(reason ? { reason } : {}) }),
  /** Per-version numbers and the candidate against stable (the deployed ones). */
  metrics: (id: string) => request(FlowMetrics, 'GET', `/api/flows/${encodeURIComponent(id)}/metrics`),
  /** Moves open tickets of one version to another; a 409's `details` name each ticket that cannot move (then none moved). */
  migrateTickets: (id: string, body: MigrateTicketsRequest) => request(TicketsMigrated, 'POST', `${rolloutUrl(id)}/migrate`, body),
  /** What the runtime told ops (guardrail rollbacks, finished ramps), newest first. */
  notifications: (limit = 20) => request(OpsNotificationList, 'GET', `/api/notifications?limit=${limit}`),
  /** Every secret's status and users; never a value. */
  secrets: () => request(SecretList, 'GET', '/api/secrets'),
  /** Write-only: the answer is the secret's status, never its value. */
  putSecret: (name: string, value: string) => request(SecretView, 'PUT', `/api/secrets/${encodeURIComponent(name)}`, { value }),
  deleteSecret: (name: string) => request(SecretView, 'DELETE', `/api/secrets/${encodeURIComponent(name)}`),
};
export type Api = typeof api;
