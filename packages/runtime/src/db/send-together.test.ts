import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { sendTogether } from './send-together';

// Issue 22: a worker's batch sends its statements together; they must still run in order, in its transaction.
describe.each(testDatabases)('sendTogether on $name', (target) => {
  const store = useTestDatabase(target);
  const customer = (id: string) => store.db.insertInto('customers').values({ id, name: id, tier: 'standard', contact: null });
  const names = async () => (await store.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);

  it('runs the statements in the order sent: a later one sees an earlier one, and each gives its own result', async () => {
    const [inserted, seen, nothing] = await store.db
      .transaction()
      .execute((trx) =>
        sendTogether(trx, (send) =>
          Promise.all([
            send(customer('C1')),
            send(trx.selectFrom('customers').select('id').where('id', '=', 'C1')),
            send(trx.selectFrom('customers').select('id').where('id', '=', 'C2')),
          ]),
        ),
      );
    expect(inserted.numAffectedRows).toBe(1n);
    expect(seen.rows).toEqual([{ id: 'C1' }]);
    expect(nothing.rows).toEqual([]);
    expect(await names()).toEqual(['C1']);
  });

  it('fails the transaction when one statement fails: nothing sent with it stays', async () => {
    await expect(
      store.db
        .transaction()
        .execute((trx) =>
          sendTogether(trx, (send) =>
            Promise.all([send(customer('C3')), send({ compile: () => sql`select 1 / 0`.compile(trx) }), send(customer('C4'))]),
          ),
        ),
    ).rejects.toThrow(/division by zero/);
    expect(await names()).toEqual([]);
    // The store is usable afterwards (the pipelined connection went back clean).
    await customer('C5').execute();
    expect(await names()).toEqual(['C5']);
  });
});
