import pg from 'pg';
import { isConnectionError } from './connection-error';

/** How a listener tells its caller that notifications stopped and started again. */
export interface ListenWatch {
  /** The connection dropped: notifications are missed until `onRestored`; it reconnects on its own. */
  readonly onLost?: (error: Error) => void;
  /** Listening again after a loss: whatever was notified meanwhile was missed, so look now. */
  readonly onRestored?: () => void;
}

/** First reconnect after this, doubling up to `MAX_RETRY_MS` (with jitter) while the database is away. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 1_000;

/** A reconnect delay: doubling from 100 ms up to 1 s, jittered so many processes do not knock at once. */
export function reconnectDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1)) * (0.5 + Math.random() / 2);
}

/**
 * LISTENs on `channel` on a connection of its own and calls `onNotify` per notification.
 * When the connection drops (a restart, `pg_terminate_backend`, a proxy) it says so through
 * `onLost` and reconnects with backoff until it listens again (`onRestored`). A database
 * unreachable at the start is the same outage: `onLost`, then the same reconnects (a worker
 * that started during a restart would otherwise poll for ever); any other failure rejects. Resolves to a function that stops listening.
 */
export async function listenPostgres(
  config: pg.ClientConfig,
  channel: string,
  onNotify: (payload?: string) => void,
  watch: ListenWatch = {},
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let reconnecting: Promise<void> | undefined;
  let cancelWait: (() => void) | undefined;

  /** One connection that LISTENs; a drop after it is current starts the reconnect loop. */
  const connect = async (): Promise<void> => {
    const client = new pg.Client(config);
    let dropped = false;
    const drop = (error: Error) => {
      if (dropped) return;
      dropped = true;
      if (current !== client) return;
      current = undefined;
      if (stopped) return;
      watch.onLost?.(error);
      reconnecting = reconnect();
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload);
    });
    client.on('error', drop);
    client.on('end', () => drop(new Error('Connection terminated')));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      // The connection may have died in the same read that completed LISTEN.
      if (dropped) throw new Error('Connection terminated while starting to listen');
    } catch (error) {
      dropped = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    current = client;
  };

  const reconnect = async () => {
    for (let failures = 1; !stopped; failures++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelay(failures));
        cancelWait = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopped) return;
      try {
        await connect();
      } catch {
        continue; // still away
      }
      if (stopped) break;
      watch.onRestored?.();
      return;
    }
  };

  try {
    await connect();
  } catch (error) {
    // Only an outage is waited out; a refusal (a wrong role, a pooler without LISTEN) is the caller's to see.
    if (!isConnectionError(error) || !(error instanceof Error)) throw error;
    watch.onLost?.(error);
    reconnecting = reconnect();
  }
  return async () => {
    stopped = true;
    cancelWait?.();
    await reconnecting;
    const client = current;
    current = undefined;
    await client?.end();
  };
}
