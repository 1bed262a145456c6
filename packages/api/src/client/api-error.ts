import type { Locale } from '@switchyard/flow';
import { z } from 'zod';
import { Diagnostic } from '../diagnostic';
import { ErrorBody, FieldIssue } from '../error-body';
import { DraftConflict } from '../flows';
import { PERMISSION_LABELS, type Permission, PermissionRefusal } from '../permissions';
import { RolloutConflict } from '../rollout';

/** A ticket the server would not move, and why. */
export interface RefusedTicket {
  readonly ticket: string;
  readonly message: string;
}

/**
 * Any refusal of the API, one class for every route: the HTTP status (0 when the server could
 * not be reached), the server's `{ error, details }`, and the whole body for the typed 409s.
 * @example
 * try { await client.putRollout('intake', { stable: 1, revision: 3 }) }
 * catch (error) { if (error instanceof ApiError) error.rolloutConflict()?.rollout }
 */
export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when no answer came (the server is unreachable). */
    readonly status: number,
    message: string,
    /** `details` of the error body: the bad fields of a 400, a 422's diagnostics, a migration's refused tickets. */
    readonly details: unknown,
    /** The answer as the server sent it (parsed JSON, the text when not JSON). */
    readonly body: unknown,
    /** What was asked: `PUT /api/flows/intake/rollout`. */
    readonly request: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The draft the server has now, when a save or publish named a revision the draft moved on from (409). */
  draftConflict(): DraftConflict | undefined {
    return this.status === 409 ? DraftConflict.safeParse(this.body).data : undefined;
  }

  /** The deployment now, when a rollout change named a revision the deployment moved on from (409). */
  rolloutConflict(): RolloutConflict | undefined {
    return this.status === 409 ? RolloutConflict.safeParse(this.body).data : undefined;
  }

  /** The bad fields the server named (`details` of a 400, or of a 409 naming tickets); empty when none. */
  fieldIssues(): FieldIssue[] {
    return z.array(FieldIssue).safeParse(this.details).data ?? [];
  }

  /**
   * The tickets a refused migration names (`details` of its 409: `[{ path: 'tickets.<id>', message }]`,
   * or of a 400 for ids not open on `from`); empty when it names none.
   */
  refusedTickets(): RefusedTicket[] {
    return this.fieldIssues().flatMap((issue) => {
      const ticket = /^tickets\.(.+)$/.exec(issue.path)?.[1];
      return ticket === undefined ? [] : [{ ticket, message: issue.message }];
    });
  }

  /** The permission a 403 names as missing; undefined for any other refusal. */
  missingPermission(): Permission | undefined {
    return this.status === 403 ? PermissionRefusal.safeParse(this.body).data?.details.permission : undefined;
  }

  /** The flow's problems a 422 (publish, dry-run) carries; empty when none. */
  diagnostics(): Diagnostic[] {
    return z.array(Diagnostic).safeParse(this.details).data ?? [];
  }
}

/**
 * Why an action is refused, in people's words: the label of the permission it needs.
 * @example needsPermissionText('flows.publish', 'en') // "needs permission: publish flow versions"
 */
export function needsPermissionText(permission: Permission, locale: Locale): string {
  const label = PERMISSION_LABELS[permission][locale];
  return locale === 'zh-CN' ? `需要权限：${label}` : `needs permission: ${label}`;
}

/**
 * The `ApiError` for a non-2xx answer: its message in `locale` when the body has one in both
 * languages, and a 403 names the missing permission in `locale`.
 */
export function apiErrorOf(status: number, body: unknown, request: string, locale: Locale): ApiError {
  const refusal = status === 403 ? PermissionRefusal.safeParse(body).data : undefined;
  if (refusal) return new ApiError(status, needsPermissionText(refusal.details.permission, locale), refusal.details, body, request);
  const parsed = ErrorBody.extend({ message: z.object({ en: z.string(), 'zh-CN': z.string() }).optional() }).safeParse(body);
  if (!parsed.success) {
    // Not our error body (a proxy's page, say): the status is all there is to tell.
    const message = locale === 'zh-CN' ? `${request} 返回了 ${status}` : `${request} answered ${status}`;
    return new ApiError(status, message, undefined, body, request);
  }
  return new ApiError(status, parsed.data.message?.[locale] ?? parsed.data.error, parsed.data.details, body, request);
}
