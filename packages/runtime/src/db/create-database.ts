import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
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
   * through `onLost`; callers that also poll lose only latency.
   */
  listen(channel: string, onNotify: () => void, onLost?: (error: Error) => void): Promise<() => Promise<void>>;
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
    // A worker host that vanishes mid-transaction (power, network) must not hold its tickets'
    // row locks until TCP notices hours later: the server ends such a session after a minute.
    keepAlive: true,
    options: [`-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`, ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
  });
  // An idle connection the server ends (a restart, an administrator) is dropped by the pool
  // and replaced on the next checkout; unheard, its error event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', schema, listen: (channel, onNotify, onLost) => listenPostgres(url, channel, onNotify, onLost), close: () => db.destroy() };
}

async function listenPostgres(url: string, channel: string, onNotify: () => void, onLost?: (error: Error) => void): Promise<() => Promise<void>> {
  assertChannel(channel);
  const client = new pg.Client({ connectionString: url, keepAlive: true });
  let stopping = false;
  client.on('notification', (message) => {
    if (message.channel === channel) onNotify();
  });
  client.on('error', (error) => {
    if (!stopping) onLost?.(error);
  });
  await client.connect();
  await client.query(`listen ${channel}`);
  return async () => {
    stopping = true;
    await client.end();
  };
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel name ${channel} is not a plain identifier`);
}
