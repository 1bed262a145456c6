import type { Compilable, QueryExecutorProvider, QueryResult } from 'kysely';

/** Sends one statement on the connection `sendTogether` holds; its result once it is answered. */
export type Send = <R>(query: Compilable<R>) => Promise<QueryResult<R>>;

/**
 * Runs `body` on one connection of `db` (a transaction's own connection inside one) where the
 * statements it sends are not held back until the previous one is answered, as Kysely does: sent
 * at once, in order, they cost one round trip on a pipelining PostgreSQL pool (`openDatabase`
 * enables it) instead of one each; PGlite runs them one after the other. Statements run in the
 * order sent, so a later one sees an earlier one's writes. Await them together (`Promise.all`):
 * one that fails fails the transaction, and the others then fail too.
 * @example
 * const [events, timers] = await sendTogether(trx, (send) =>
 *   Promise.all([send(trx.selectFrom('ticket_events').selectAll()), send(trx.selectFrom('timers').selectAll())]),
 * );
 */
export async function sendTogether<T>(db: QueryExecutorProvider, body: (send: Send) => Promise<T>): Promise<T> {
  const executor = db.getExecutor();
  return executor.provideConnection(async (connection) => {
    // The plugins (a test's statement counter) still see each statement and its result.
    const direct = executor.withConnectionProvider({ provideConnection: (consume) => consume(connection) });
    return body((query) => direct.executeQuery(query.compile()));
  });
}
