import { IdempotencyKey } from '@switchyard/api';
import { bilingual, isRecord } from '@switchyard/flow';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseInput } from '../catalog/invalid-input';
import type { Database } from '../db/schema';
import { readStored } from '../db/stored/read-stored';
import type { StoredShape } from '../db/stored/stored-shape';
import { RuntimeInputError } from '../errors';

/** How long a key is remembered; after that the same key is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

const OTHER_BODY = bilingual(
  'this Idempotency-Key was already used with another request body: send a new key for a new request',
  '此 Idempotency-Key 已用于另一个请求体：新的请求请使用新的键',
);

/** A write's answer: its body and status, and whether it is the first answer again (the write was not repeated). */
export interface IdempotentAnswer<T> {
  readonly body: T;
  readonly status: number;
  readonly replayed: boolean;
}

/** A keyed request: where its key is unique (route and target), the key, the request it means and when it came. */
export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string | undefined;
  readonly request: unknown;
  readonly now: Date;
}

/** JSON with every object's keys sorted, so the same body hashes the same however its keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `write` in `trx` at most once per key (within 24 h): the key's row is inserted first in
 * the write's own transaction, so the write and the key commit together or not at all. A
 * request with the same key waits on that row (the primary key) until the first commits, then
 * replays its answer; rolled back, the key is free again. Another body with the key: a 422.
 * Without a key, `write` simply runs.
 * @example return idempotent(trx, ticketCreatedAnswerShape, { scope: 'POST /api/tickets', key, request: ticket, now }, 201, () => open(trx));
 */
export async function idempotent<Name extends 'ticket-created-answer' | 'event-accepted-answer', T extends object>(
  trx: Kysely<Database>,
  shape: StoredShape<Name, T>,
  claim: IdempotencyClaim,
  status: number,
  write: () => Promise<T>,
): Promise<IdempotentAnswer<T>> {
  if (claim.key === undefined) return { body: await write(), status, replayed: false };
  const key = parseInput(IdempotencyKey, claim.key, 'Idempotency-Key');
  const { scope, now } = claim;
  const requestHash = createHash('sha256').update(canonicalJson(claim.request)).digest('hex');
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  // A fresh key, or one older than 24 h (taken over), is ours; a live one is waited for, then read.
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ scope, key, request_hash: requestHash, status: null, response: null, created_at: now })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet({ request_hash: requestHash, status: null, response: null, created_at: now })
        .where('idempotency_keys.created_at', '<=', expired),
    )
    .returning('key')
    .executeTakeFirst();
  if (claimed) {
    const body = await write();
    await trx
      .updateTable('idempotency_keys')
      .set({ status, response: shape.json(body) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { body, status, replayed: false };
  }
  const first = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (first.request_hash !== requestHash) throw new RuntimeInputError(OTHER_BODY, 422, [{ path: 'Idempotency-Key', message: OTHER_BODY }]);
  // Committed rows always have their answer (it is written before the commit); a null is a bug.
  if (first.status === null) throw new Error(`idempotency key ${scope} ${key} was committed without its answer`);
  const body = readStored(shape, first.response, { table: 'idempotency_keys', key: `${scope} ${key}` });
  return { body, status: first.status, replayed: true };
}

/** Deletes keys older than 24 h (the worker's periodic housekeeping); answers how many. */
export async function forgetExpiredIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<=', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}
