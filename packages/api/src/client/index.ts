export { ApiError, type RefusedTicket } from './api-error';
export { type ApiClient, createApiClient, type DryRunTarget, type IdempotencyOption } from './create-api-client';
export type { ApiClientOptions } from './http-call';
