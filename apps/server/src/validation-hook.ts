import type { Hook } from '@hono/zod-openapi';
import { fieldIssues } from '@switchyard/runtime';
import type { AppEnv } from './app-env';

/** The path of the first string holding a NUL character, which PostgreSQL cannot store in text or jsonb. */
function nulCharacterAt(value: unknown, path: readonly (string | number)[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found =
      (typeof key === 'string' && key.includes('\u0000') ? [...path, key].join('.') : undefined) ?? nulCharacterAt(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Answers a request that fails its schema with 400 `{ error, details: [{ path, message }] }`,
 * each path naming the field as the client sent it: `customer.id` in a body,
 * `document.nodes.0.type`, `status` in a query string, `n` in a path.
 */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) {
    const path = nulCharacterAt(result.data);
    if (path === undefined) return undefined;
    return c.json({ error: 'invalid request', details: [{ path, message: 'text may not contain the NUL character (\\u0000)' }] }, 400);
  }
  return c.json({ error: 'invalid request', details: fieldIssues(result.error) }, 400);
};
