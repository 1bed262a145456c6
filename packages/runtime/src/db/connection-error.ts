/** SQLSTATEs that mean the session is gone or cannot start, not that the statement was wrong. */
const SESSION_STATES = new Set([
  '57P01', // admin_shutdown: pg_ctl stop/restart -m fast, pg_terminate_backend
  '57P02', // crash_shutdown: another backend crashed
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections: every client reconnecting at once after a restart
]);

/** Socket errors of a database connection that went away or cannot be opened. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * What node-postgres and its pool say when the connection died under a query, a checked-out
 * client is used after that, or no connection could be had in time.
 */
const CONNECTION_MESSAGES = [/^Connection terminated/, /not queryable/, /^timeout exceeded when trying to connect/];

/**
 * Whether an error means the database is unreachable or dropped the session (a restart, a
 * failover, `pg_terminate_backend`, a proxy closing the connection) rather than that the
 * request or the data was at fault: SQLSTATE class 08, 57P01-57P03, 53300, a refused or
 * reset socket, node-postgres's "Connection terminated". The work it interrupted rolled
 * back, or committed just before; either way it can be tried again once the database is back.
 * @example if (isConnectionError(error)) return c.json(unavailable, 503);
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && (/^08[0-9A-Z]{3}$/.test(code) || SESSION_STATES.has(code) || SOCKET_CODES.has(code))) return true;
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message));
}
