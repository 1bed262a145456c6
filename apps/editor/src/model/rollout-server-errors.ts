import { FieldIssue } from '@switchyard/api';
import { z } from 'zod';

/** The server's refusal split into the form fields it names and the rest. */
export interface ServerFieldErrors {
  readonly byField: Readonly<Record<string, string>>;
  readonly other: readonly string[];
}

/**
 * The form field a request path belongs to: a guardrail's `above`/`worseThanStableBy` (or the
 * guardrail as a whole) is its threshold input, a ramp step is the steps input.
 * @example rolloutFieldOf('guardrails.1.worseThanStableBy') // "guardrails.1.threshold"
 */
export function rolloutFieldOf(path: string): string {
  const guardrail = /^guardrails\.(\d+)(?:\.(above|worseThanStableBy|minTickets|metric))?$/.exec(path);
  if (guardrail)
    return `guardrails.${guardrail[1]}.${guardrail[2] === 'minTickets' ? 'minTickets' : guardrail[2] === 'metric' ? 'metric' : 'threshold'}`;
  if (/^ramp(\.steps(\.\d+)?)?$/.test(path)) return 'ramp.steps';
  return path;
}

/**
 * Sorts a 400's `details` (`[{ path, message }]`) onto the form's fields; anything else (a 409's
 * message, details without a known field) goes to `other`, so nothing the server said is lost.
 * @example serverFieldErrors('invalid request', [{ path: 'percent', message: 'too big' }], new Set(['percent'])) // { byField: { percent: 'too big' }, other: [] }
 */
export function serverFieldErrors(message: string, details: unknown, fields: ReadonlySet<string>): ServerFieldErrors {
  const issues = z.array(FieldIssue).safeParse(details);
  if (!issues.success || issues.data.length === 0) return { byField: {}, other: [message] };
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues.data) {
    const field = rolloutFieldOf(issue.path);
    if (fields.has(field)) byField[field] = byField[field] ? `${byField[field]}; ${issue.message}` : issue.message;
    else other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { byField, other };
}
