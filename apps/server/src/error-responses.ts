import { ErrorBody } from '@switchyard/api';

const DESCRIPTIONS = {
  400: 'Bad input: `details` lists each bad field as `{ path, message }`',
  401: 'Not signed in: no valid session cookie or `Authorization: Bearer` token',
  403: 'Refused: a permission the caller lacks (`details.permission`), or a cookie-authenticated write without `X-Switchyard-CSRF: 1`',
  404: 'No such resource',
  409: 'Conflicts with what exists',
  429: 'Too many failed sign-ins for this account or address: try again after `Retry-After` seconds',
  421: 'The Host header names a host this server does not serve (DNS rebinding guard): set `SWITCHYARD_PUBLIC_URL` or `SWITCHYARD_ALLOWED_HOSTS`',
  422: 'The flow does not validate (`details` are its diagnostics), or an `Idempotency-Key` was reused with another body',
  503: 'The database is unavailable (restarting, failing over): try again after `Retry-After` seconds',
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

/** What each error answer looks like, for the OpenAPI document's examples. */
const EXAMPLES: Record<ErrorStatus, { error: string; details?: unknown }> = {
  400: { error: 'invalid value', details: [{ path: 'name', message: 'Too small: expected string to have >=1 characters' }] },
  401: { error: 'sign in, or send Authorization: Bearer <token>', details: { header: 'Authorization' } },
  403: { error: 'permission flows.publish is missing', details: { permission: 'flows.publish' } },
  429: { error: 'too many failed sign-ins', details: { retryAfterSeconds: 840 } },
  404: { error: 'no flow "refund-priority"' },
  409: { error: 'flow "refund-priority" already exists' },
  421: {
    error: 'this server does not answer to that host name; to serve it, set SWITCHYARD_PUBLIC_URL or SWITCHYARD_ALLOWED_HOSTS',
    details: { header: 'Host', value: 'evil.example' },
  },
  422: { error: 'the flow does not validate', details: [{ severity: 'error', code: 'no_trigger', message: 'the flow has no trigger' }] },
  503: { error: 'database unavailable; try again shortly' },
};

/** One error answer of a route's OpenAPI description. */
interface ErrorResponse {
  readonly description: string;
  readonly content: { 'application/json': { schema: typeof ErrorBody; example: unknown } };
}

/** The error answers a route can give, for its OpenAPI description (401, 403 and 503 on every route); every one is an `ErrorBody`. */
export function errorResponses(...statuses: ErrorStatus[]): Partial<Record<ErrorStatus, ErrorResponse>> {
  return describeErrors([...statuses, 401, 403, 503]);
}

/**
 * The error answers of a public route (no sign-in, so no 401 or 403 of its own): those given, the
 * 421 every route gives a Host header it does not serve, and 503.
 */
export function publicErrorResponses(...statuses: ErrorStatus[]): Partial<Record<ErrorStatus, ErrorResponse>> {
  return describeErrors([...statuses, 421, 503]);
}

function describeErrors(statuses: readonly ErrorStatus[]): Partial<Record<ErrorStatus, ErrorResponse>> {
  const responses: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  for (const status of statuses)
    responses[status] = {
      description: DESCRIPTIONS[status],
      content: { 'application/json': { schema: ErrorBody, example: EXAMPLES[status] } },
    };
  return responses;
}

/** `{ 'application/json': { schema, example } }`, the content of a JSON body (the example for the OpenAPI document). */
export function jsonContent<T>(schema: T, description: string, example?: unknown) {
  return { description, content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } } };
}
