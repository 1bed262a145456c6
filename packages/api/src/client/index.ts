export { ApiError, needsPermissionText, type RefusedTicket } from './api-error';
export { AuthProviders, oidcStartPath } from './auth-methods';
export { CSRF_HEADER } from './http-call';
export { type ApiClient, createApiClient, type DryRunTarget, type IdempotencyOption } from './create-api-client';
export type { ApiClientOptions } from './http-call';
