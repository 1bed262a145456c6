import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

/**
 * The client's address, for the per-address sign-in limit: the connection's peer, or, behind
 * a proxy the operator trusts (`SWITCHYARD_TRUST_PROXY=1`), the first `X-Forwarded-For` entry.
 * A request served in process (tests) has no socket: `local`.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
