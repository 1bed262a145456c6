import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { effectRequestShape } from '../db/stored/effect-shapes';
import { readStored } from '../db/stored/read-stored';
import type { RuntimeContext } from '../durable/runtime-context';
import { openSecret, sealSecretWithDataKey } from '../secrets/secret-cipher';
import { secretSettings } from '../secrets/runtime-secrets';
import { CUSTOMER_PURPOSE, openCustomer, sealCustomer } from './customer-fields';
import { type DataKeyRing, sealedWithPattern } from './data-key-ring';
import { dataKeys } from './runtime-data-keys';

/** What one pass re-sealed, per table. */
export interface ResealCount {
  readonly customers: number;
  readonly secrets: number;
  readonly outbox: number;
}

/**
 * Re-seals, with the current data key, up to `batchSize` rows per table still in clear
 * (written before encryption) or under a previous key: customers' name and contact, secrets
 * (clear ones, legacy SWITCHYARD_SECRETS_KEY ones when that key is set, older data keys) and
 * the customer inside outbox requests. Each table's batch is one short transaction that
 * skips rows others hold, so requests and workers go on meanwhile; reads open any key of the
 * ring throughout. Call it until it returns zeros (the worker does, a batch per interval).
 * @example while (total(await resealRows(ctx)) > 0);
 */
export async function resealRows(ctx: RuntimeContext, batchSize = 100): Promise<ResealCount> {
  const keys = dataKeys(ctx);
  return {
    customers: await resealCustomers(ctx.db, keys, batchSize),
    secrets: await resealSecrets(ctx, keys, batchSize),
    outbox: await resealOutbox(ctx.db, keys, batchSize),
  };
}

/** The number of rows a pass re-sealed. */
export function resealedTotal(count: ResealCount): number {
  return count.customers + count.secrets + count.outbox;
}

/** Rows still to re-seal, per table (what `switchyard keys status` and the rotation test read). */
export async function unsealedRows(ctx: RuntimeContext): Promise<ResealCount> {
  const keys = dataKeys(ctx);
  const [customers, secrets, outbox] = await Promise.all([
    ctx.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(staleCustomer(keys))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('secrets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(staleSecret(keys, true))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(staleOutbox(keys))
      .executeTakeFirstOrThrow(),
  ]);
  return { customers: Number(customers.n), secrets: Number(secrets.n), outbox: Number(outbox.n) };
}

const notCurrent = (column: string, keys: DataKeyRing) =>
  sql<boolean>`(${sql.ref(column)} <> '' and ${sql.ref(column)} not like ${sealedWithPattern(keys.current)})`;

const staleCustomer = (keys: DataKeyRing) => sql<boolean>`(${notCurrent('name', keys)} or coalesce(${notCurrent('contact', keys)}, false))`;

/** Legacy-key rows count only when that key is there to open them. */
const staleSecret = (keys: DataKeyRing, legacyKey: boolean) =>
  sql<boolean>`(cipher = 'none' or (cipher = 'aes-256-gcm' and ${legacyKey}) or (cipher = 'data-key' and ${notCurrent('value', keys)}))`;

const customerField = (field: 'name' | 'contact') => sql<string | null>`request->'ticket'->'customer'->>${field}`;
const staleOutbox = (keys: DataKeyRing) => {
  const pattern = sealedWithPattern(keys.current);
  const stale = (field: 'name' | 'contact') =>
    sql<boolean>`coalesce(${customerField(field)} <> '' and ${customerField(field)} not like ${pattern}, false)`;
  return sql<boolean>`(${stale('name')} or ${stale('contact')})`;
};

async function resealCustomers(db: Kysely<Database>, keys: DataKeyRing, batchSize: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('customers')
      .select(['id', 'name', 'contact'])
      .where(staleCustomer(keys))
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      const reseal = (value: string) => keys.seal(keys.open(value, CUSTOMER_PURPOSE), CUSTOMER_PURPOSE);
      await trx
        .updateTable('customers')
        .set({ name: reseal(row.name), contact: row.contact === null ? null : reseal(row.contact) })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}

async function resealSecrets(ctx: RuntimeContext, keys: DataKeyRing, batchSize: number): Promise<number> {
  const legacyKey = secretSettings(ctx).key;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('secrets')
      .select(['name', 'value', 'cipher'])
      .where(staleSecret(keys, legacyKey !== undefined))
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      const sealed = sealSecretWithDataKey(keys, row.name, openSecret(row.name, row, legacyKey, keys));
      await trx.updateTable('secrets').set(sealed).where('name', '=', row.name).execute();
    }
    return rows.length;
  });
}

async function resealOutbox(db: Kysely<Database>, keys: DataKeyRing, batchSize: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'request'])
      .where(staleOutbox(keys))
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      const request = readStored(effectRequestShape, row.request, { table: 'outbox', key: row.id });
      const customer = sealCustomer(keys, openCustomer(keys, request.ticket.customer));
      await trx
        .updateTable('outbox')
        .set({ request: effectRequestShape.json({ ...request, ticket: { ...request.ticket, customer } }) })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}
