import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { listenPostgres, type ListenWatch } from './listen-postgres';
import type { Database } from './schema';

const INT8_OID = 20;
/** Longest a PostgreSQL session may sit idle inside a transaction (no transaction of ours waits on the client that long). */
const IDLE_IN_TRANSACTION_MS = 60_000;

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  readonly url?: string | undefined;
  /** PGlite's data folder; without it PGlite keeps everything in memory. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL only: a schema to work in (created when missing), for isolated tests. */
  readonly schema?: string | undefined;
  /** PostgreSQL only: pool size. */
  readonly maxConnections?: number | undefined;
}

export interface SwitchyardDatabase {
  readonly db: Kysely<Database>;
  /** `postgres` or `pglite`: PGlite has one connection, so callers must not hold two at once. */
  readonly kind: 'postgres' | 'pglite';
  /** The PostgreSQL schema worked in, when one was given. */
  readonly schema?: string | undefined;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (on a connection of its own for PostgreSQL).
   * Resolves to a function that stops listening. A listener whose connection drops says so
   * through `watch.onLost`, reconnects with backoff and then calls `watch.onRestored`;
   * callers that also poll lose only latency.
   */
  listen(channel: string, onNotify: (payload?: string) => void, watch?: ListenWatch): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Opens the store: PostgreSQL when a URL is given, the embedded PGlite otherwise. The same
 * migrations and queries run on both.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<SwitchyardDatabase> {
  if (options.url) return openPostgres(options.url, options);
  // int8 as text, as node-postgres returns it, so both stores give the same rows.
  const parsers = { [INT8_OID]: (text: string) => text };
  const pglite = options.dataDir ? new PGlite(options.dataDir, { parsers }) : new PGlite({ parsers });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    listen: async (channel, onNotify) => {
      assertChannel(channel);
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => unlisten();
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<SwitchyardDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema name ${schema} is not a plain identifier`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // Statements sent together (`sendTogether`) go out at once: one round trip for a worker's loads, one for its writes.
    pipeline: true,
    // A worker host that vanishes mid-transaction (power, network) must not hold its tickets'
    // row locks until TCP notices hours later: the server ends such a session after a minute.
    keepAlive: true,
    options: [`-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`, ...(schema ? [`-c search_path=${schema}`] : [])].join(
      ' ',
    ),
  });
  // A connection the server ends (a restart, a failover, pg_terminate_backend, a proxy) emits
  // 'error' on its client; unheard, that event would end the process. An idle client's goes to
  // the pool, which drops it. A checked-out client's (Kysely holds one between the statements of
  // a transaction) is its holder's: the statement it runs, or the next, fails with a connection
  // error, and the pool drops the client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    schema,
    listen: (channel, onNotify, watch) => {
      assertChannel(channel);
      return listenPostgres({ connectionString: url, keepAlive: true }, channel, onNotify, watch);
    },
    close: () => db.destroy(),
  };
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel name ${channel} is not a plain identifier`);
}
