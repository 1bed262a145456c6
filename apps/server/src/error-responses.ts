import { ErrorBody } from '@switchyard/api';

const DESCRIPTIONS = {
  400: 'Bad input: `details` lists each bad field as `{ path, message }`',
  401: 'Not signed in: no valid session cookie or `Authorization: Bearer` token',
  403: 'Refused: a permission the caller lacks (`details.permission`), or a cookie-authenticated write without `X-Switchyard-CSRF: 1`',
  404: 'No such resource',
  409: 'Conflicts with what exists',
  429: 'Too many failed sign-ins for this account or address: try again after `Retry-After` seconds',
  422: 'The flow does not validate (`details` are its diagnostics), or an `Idempotency-Key` was reused with another body',
  503: 'The database is unavailable (restarting, failing over): try again after `Retry-After` seconds',
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

/** One error answer of a route's OpenAPI description. */
interface ErrorResponse {
  readonly description: string;
  readonly content: { 'application/json': { schema: typeof ErrorBody } };
}

/** The error answers a route can give, for its OpenAPI description (401, 403 and 503 on every route); every one is an `ErrorBody`. */
export function errorResponses(...statuses: ErrorStatus[]): Partial<Record<ErrorStatus, ErrorResponse>> {
  const responses: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  const all: ErrorStatus[] = [...statuses, 401, 403, 503];
  for (const status of all)
    responses[status] = { description: DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorBody } } };
  return responses;
}

/** `{ 'application/json': { schema } }`, the content of a JSON body. */
export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
