import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, testPostgresUrl } from '../testing/index';
import { isConnectionError } from './connection-error';
import { openDatabase, type SwitchyardDatabase } from './create-database';

/** Polls `check` until it holds (the deadline only bounds a failing test). */
async function eventually(check: () => boolean | Promise<boolean>, what: string, deadlineMs = 10_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/*
 * The server used to die when PostgreSQL ended its sessions (a restart, a failover,
 * pg_terminate_backend): a pool client checked out between two statements of a transaction
 * emitted an unheard 'error' event, and the LISTEN connection stayed dead. Here every session
 * of one store, the pool's and the listener's, is terminated from another connection.
 */
describe('a store whose PostgreSQL sessions are terminated', () => {
  const tag = `switchyard_loss_${randomBytes(4).toString('hex')}`;
  const url = `${testPostgresUrl()}${testPostgresUrl().includes('?') ? '&' : '?'}application_name=${tag}`;
  let store: SwitchyardDatabase;
  let admin: SwitchyardDatabase;

  beforeAll(async () => {
    store = await openDatabase({ url, maxConnections: 4 });
    admin = await openDatabase({ url: testPostgresUrl(), maxConnections: 1 });
  });
  afterAll(async () => {
    await store?.close();
    await admin?.close();
  });

  const terminateAll = async () => {
    const { rows } = await sql<{ pid: number }>`
      select pid from pg_stat_activity where application_name = ${tag} and pid <> pg_backend_pid()`.execute(admin.db);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${tag}`.execute(admin.db);
    return rows.length;
  };

  it('listens once the database is reachable, when it was not at the start', async () => {
    // A port nothing listens on yet (connections refused), then a proxy to PostgreSQL opens on it: the database coming up.
    const port = await freePort();
    const upstream = new URL(testPostgresUrl());
    const url = new URL(testPostgresUrl());
    url.port = String(port);
    const proxy = createServer((socket) => {
      const server = connect(Number(upstream.port || 5432), upstream.hostname);
      socket.pipe(server).pipe(socket);
      server.on('error', () => socket.destroy());
      socket.on('error', () => server.destroy());
    });
    const late = await openDatabase({ url: url.toString(), maxConnections: 1 });
    let notified = 0;
    const lost: Error[] = [];
    let restored = 0;
    const unlisten = await late.listen(tag, () => notified++, { onLost: (error) => lost.push(error), onRestored: () => restored++ });
    try {
      expect(lost.map(isConnectionError), 'the refused start is reported as a loss').toEqual([true]);
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      await eventually(() => restored === 1, 'the listener gets in');
      await sql`select pg_notify(${tag}, '')`.execute(admin.db);
      await eventually(() => notified === 1, 'a notification after getting in');
    } finally {
      await unlisten();
      await late.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('rejects at the start for what is not an outage (a role that does not exist)', async () => {
    const url = new URL(testPostgresUrl());
    url.username = `${tag}_nobody`;
    const stranger = await openDatabase({ url: url.toString(), maxConnections: 1 });
    try {
      await expect(stranger.listen(tag, () => undefined)).rejects.toThrow(/does not exist/);
    } finally {
      await stranger.close();
    }
  });

  it('fails what was in flight as a connection error, then queries and hears notifications again', async () => {
    let notified = 0;
    const lost: Error[] = [];
    let restored = 0;
    const unlisten = await store.listen(tag, () => notified++, { onLost: (error) => lost.push(error), onRestored: () => restored++ });
    const notify = () => sql`select pg_notify(${tag}, '')`.execute(admin.db);
    await notify();
    await eventually(() => notified === 1, 'the first notification');

    // Idle pool clients, and one checked out inside a transaction, idle between its statements.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(store.db)));
    let inTransaction!: () => void;
    const terminated = new Promise<void>((resolve) => (inTransaction = resolve));
    const transaction = store.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      inTransaction();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 2`.execute(trx);
    });
    const failed = transaction.then(
      () => undefined,
      (error: unknown) => error,
    );
    await terminated;
    expect(await terminateAll()).toBeGreaterThanOrEqual(4);

    const error = await failed;
    expect(error, 'the interrupted transaction fails').toBeInstanceOf(Error);
    expect(isConnectionError(error), String(error)).toBe(true);
    await eventually(() => lost.length > 0 && restored > 0, 'the listener reconnects');
    expect(isConnectionError(lost[0])).toBe(true);

    expect((await sql<{ n: number }>`select 1 as n`.execute(store.db)).rows).toEqual([{ n: 1 }]);
    // Every pool client works again (the dead ones were dropped, not handed out).
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        store.db.transaction().execute(async (trx) => (await sql<{ n: number }>`select ${n}::int as n`.execute(trx)).rows[0]!.n),
      ),
    );
    expect(answers).toEqual([1, 2, 3, 4]);
    const before = notified;
    await notify();
    await eventually(() => notified > before, 'a notification after the reconnect');

    await unlisten();
    const after = notified;
    await notify();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notified, 'nothing is heard after unlisten').toBe(after);
  });

  it('says which errors are a lost connection and which are the request or the data', async () => {
    const refused = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/test' });
    const down = await sql`select 1`.execute(refused.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    await refused.close();
    expect(isConnectionError(down), String(down)).toBe(true);
    const bad = await sql`select 1/0`.execute(store.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConnectionError(bad), String(bad)).toBe(false);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError('57P01')).toBe(false);
  });
});
