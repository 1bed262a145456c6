import { isConnectionError } from '@switchyard/runtime';
import type { Logger } from 'pino';

/**
 * Decides what an error nobody handled does to the process: a lost database connection (a
 * restart, a failover, a proxy closing the session) is logged and survived, since the pool,
 * the worker and the listener reconnect on their own; anything else is a bug of unknown
 * reach, logged as fatal and ended with exit 1 for the supervisor to restart.
 */
export function guardProcess(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const onError = (kind: string) => (error: unknown) => {
    if (isConnectionError(error)) {
      logger.warn({ err: error }, `${kind}: lost the database connection; carrying on`);
      return;
    }
    logger.fatal({ err: error }, `${kind}; exiting`);
    exit(1);
  };
  process.on('unhandledRejection', onError('unhandled rejection'));
  process.on('uncaughtException', onError('uncaught exception'));
}
