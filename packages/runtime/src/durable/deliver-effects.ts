import { errorMessage } from '../engine/error-message';
import { maskCustomerIn } from '@switchyard/api';
import { httpRefusalOf, type OutboundMessage, type Roster } from '@switchyard/nodes';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { AuditFact } from '../audit/audit-entry';
import { recordAudit } from '../audit/record-audit';
import { isConnectionError } from '../db/connection-error';
import { reconnectDelay } from '../db/listen-postgres';
import type { Database, OutboxTable } from '../db/schema';
import {
  effectOutcomeShape,
  effectRequestShape,
  effectResultShape,
  type EffectResultPayload,
  type StoredEffectRequest,
} from '../db/stored/effect-shapes';
import { readStored } from '../db/stored/read-stored';
import { StoredDataError } from '../db/stored/stored-data-error';
import { actionContext, actionOutcome, type EffectOutcome } from '../engine/effect-runner';
import { redactor } from '../secrets/redact-secrets';
import { openCustomer } from '../data-keys/customer-fields';
import { DataKeyError, type DataKeyRing } from '../data-keys/data-key-ring';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { effectServices } from './effect-services';
import type { FlowCache } from './flow-cache';
import { versionKey } from './flow-cache';
import { sendToGateway } from './message-gateway';
import { recordFirstResponse } from './record-outcome';
import type { RuntimeContext } from './runtime-context';
import { sendTogether } from '../db/send-together';
import { announceAfterCommit, announceCommitted, wakeTicketQuery } from './work-channel';

export interface DeliveryOptions {
  /** Tries before an effect is dead-lettered (default 5). */
  readonly maxAttempts?: number;
  /**
   * Longest any node may run before it is abandoned as timed out, and so how long a claim
   * lasts (default 60 s). Within it, each node gets its config's `timeoutMs`, else its
   * definition's, else this.
   */
  readonly timeoutMs?: number;
  /** First retry delay, doubled each try up to 5 minutes (default 1 s). */
  readonly backoffMs?: number;
}

type OutboxRow = Selectable<OutboxTable>;

const LEASE_GRACE_MS = 5_000;
const MAX_NODE_TIMEOUT_MS = 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Claims up to `limit` due effects (`FOR UPDATE SKIP LOCKED`, then leased: a worker that
 * dies mid-delivery loses the lease and another worker tries again with the same
 * idempotency key, so the receiving system sees one effect).
 */
export async function claimEffects(ctx: RuntimeContext, limit: number, options: DeliveryOptions = {}): Promise<OutboxRow[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + (options.timeoutMs ?? MAX_NODE_TIMEOUT_MS) + LEASE_GRACE_MS);
  // One statement, one round trip (a round that finds nothing pays no transaction of its own).
  return ctx.db
    .with('due', (db) =>
      db
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', ['pending', 'running'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('outbox')
    .from('due')
    .set({ status: 'running', attempts: sql<number>`outbox.attempts + 1`, next_attempt_at: leaseUntil, lease_until: leaseUntil })
    .whereRef('outbox.id', '=', 'due.id')
    .returningAll('outbox')
    .execute();
}

/**
 * Runs one claimed effect with its node's code and records the result: done (its flow
 * gets effect.done), retry later with backoff, or dead after the last try (its flow gets
 * effect.error and the ticket is flagged). A failing effect never stops other tickets.
 */
export async function deliverEffect(
  ctx: RuntimeContext,
  flows: FlowCache,
  row: OutboxRow,
  roster: () => Promise<Roster>,
  options: DeliveryOptions = {},
): Promise<'done' | 'retry' | 'dead' | 'lost'> {
  const maxTimeoutMs = options.timeoutMs ?? MAX_NODE_TIMEOUT_MS;
  // The lease's end on the wall clock (ctx.clock may be a test's manual clock).
  const leaseEnd = Date.now() + (row.lease_until?.getTime() ?? 0) - ctx.clock.now().getTime();
  // While the database is away: reading the flow, roster and secrets is retried as long as the node
  // could still finish inside the lease; recording the result, as long as the lease lasts (the effect
  // ran; after the lease another worker runs it again). A record whose commit went through before
  // the connection died finds the row settled on the next try and returns 'lost'.
  const request = storedRequest(row, dataKeys(ctx));
  const { outcome, final } =
    request instanceof StoredDataError
      ? { outcome: failed(request.message), final: false }
      : await retryWhileAway(() => runEffect(ctx, flows, row, request, roster, maxTimeoutMs), leaseEnd - maxTimeoutMs);
  const now = ctx.clock.now();
  const settled = await retryWhileAway(
    () =>
      settleEffect(
        ctx,
        row,
        request instanceof StoredDataError ? undefined : request,
        outcome,
        now,
        final ? { ...options, maxAttempts: 0 } : options,
      ),
    leaseEnd,
  );
  // A result in the ticket's inbox, announced once committed (see announceAfterCommit).
  if (settled === 'done' || settled === 'dead') await announceCommitted(ctx, { work: true, tickets: [row.ticket_id] });
  return settled;
}

/**
 * The effect's request as queued. A corrupt one is the effect's failure, not the worker's:
 * retried (the row may be repaired) and then dead-lettered, its table and row in `last_error`.
 * The customer's name and contact, sealed at rest, are opened here; a key missing from the
 * ring fails the effect the same way.
 */
function storedRequest(row: OutboxRow, keys: DataKeyRing): StoredEffectRequest | StoredDataError {
  const at = { table: 'outbox', key: row.id };
  try {
    const request = readStored(effectRequestShape, row.request, at);
    return { ...request, ticket: { ...request.ticket, customer: openCustomer(keys, request.ticket.customer) } };
  } catch (error) {
    if (error instanceof StoredDataError) return error;
    if (error instanceof DataKeyError)
      return new StoredDataError(at, 'effect-request', [{ path: 'ticket.customer', message: error.message }]);
    throw error;
  }
}

const failed = (error: string): EffectOutcome => ({ ok: false, error });

/** Runs `task`, again after a backoff when it fails for want of the database, until `deadline` (epoch ms). */
async function retryWhileAway<T>(task: () => Promise<T>, deadline: number): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await task();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, reconnectDelay(failures)));
    }
  }
}

/** Records what a delivery came to (done, a retry, dead) on its outbox row and the ticket; `request` is undefined when the stored one was corrupt (a failure then). */
async function settleEffect(
  ctx: RuntimeContext,
  row: OutboxRow,
  request: StoredEffectRequest | undefined,
  outcome: EffectOutcome,
  now: Date,
  options: DeliveryOptions,
): Promise<'done' | 'retry' | 'dead' | 'lost'> {
  return ctx.db.transaction().execute(async (trx) => {
    if (outcome.ok && request) {
      const updated = await settleRow(trx, row, {
        status: 'done',
        result: effectOutcomeShape.json(outcome),
        done_at: now,
        lease_until: null,
        last_error: null,
      });
      if (!updated) return 'lost';
      if (outcome.message) await recordMessage(trx, row, outcome.message, request.ticket.channel, now);
      await queueResult(trx, row, { outcome, event: request.event }, now);
      // After queueResult's ticket lock: the worker takes the ticket's, then its outcomes'.
      if (outcome.message?.audience === 'customer') await recordFirstResponse(trx, row.ticket_id, now);
      await audit(trx, row, now, {
        kind: 'effect.delivered',
        detail: {
          node: row.node_id,
          idempotencyKey: row.idempotency_key,
          attempt: row.attempts,
          params: maskCustomerIn(outcome.params, request.ticket.customer),
        },
      });
      return 'done';
    }
    if (outcome.ok) throw new Error('an effect without its request cannot have succeeded');
    if (row.attempts < (options.maxAttempts ?? 5)) {
      const delay = Math.min((options.backoffMs ?? 1_000) * 2 ** (row.attempts - 1), MAX_BACKOFF_MS);
      const retryAt = new Date(now.getTime() + delay * (0.8 + Math.random() * 0.4));
      const updated = await settleRow(trx, row, {
        status: 'pending',
        next_attempt_at: retryAt,
        lease_until: null,
        last_error: outcome.error,
      });
      if (!updated) return 'lost';
      await audit(trx, row, now, {
        kind: 'effect.retry',
        detail: {
          node: row.node_id,
          idempotencyKey: row.idempotency_key,
          attempt: row.attempts,
          error: outcome.error,
          retryAt: retryAt.toISOString(),
        },
      });
      return 'retry';
    }
    const updated = await settleRow(trx, row, { status: 'dead', lease_until: null, last_error: outcome.error, done_at: now });
    if (!updated) return 'lost';
    await queueResult(trx, row, { outcome, event: request?.event, dead: true }, now);
    await audit(trx, row, now, {
      kind: 'effect.dead',
      detail: { node: row.node_id, idempotencyKey: row.idempotency_key, attempts: row.attempts, error: outcome.error },
    });
    return 'dead';
  });
}

async function runEffect(
  ctx: RuntimeContext,
  flows: FlowCache,
  row: OutboxRow,
  request: StoredEffectRequest,
  roster: () => Promise<Roster>,
  maxTimeoutMs: number,
): Promise<RunOutcome> {
  // Secret values the node was given are removed from whatever it returns or throws: the outbox, audit and logs never hold them.
  let redact = redactor([]);
  // Until the node runs, a lost database connection is no failure of the effect: it is thrown for the caller to retry.
  let running = false;
  try {
    const prepared = (await flows.load(ctx.db, [{ flowId: row.flow_id, version: row.version }])).get(versionKey(row.flow_id, row.version));
    if (!prepared) throw new Error(`flow ${row.flow_id} version ${row.version} was not loaded`);
    const node = prepared.compiled.nodes[row.node_id];
    const def = node && ctx.registry.get(node.type, node.version);
    if (!node || def?.kind !== 'action') return { outcome: failed(`node ${row.node_id} is not an installed action`), final: false };
    const timeoutMs = Math.min(configTimeout(node.config) ?? def.timeoutMs ?? maxTimeoutMs, maxTimeoutMs);
    const controller = new AbortController();
    const label = { ticketId: row.ticket_id, flowId: row.flow_id, nodeId: row.node_id, idempotencyKey: row.idempotency_key };
    const effect = await effectServices(ctx, def, label, timeoutMs, controller.signal, request.ticket.customer);
    redact = effect.redact;
    const actionCtx = actionContext(
      {
        flow: prepared.compiled,
        node: row.node_id,
        state: { ticket: request.ticket, stats: request.stats },
        now: request.now,
        event: request.event,
        vars: request.vars,
      },
      await roster(),
      row.idempotency_key,
      effect.services,
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`node ${row.node_id} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const run = async () => {
        const result = await def.run(actionCtx, node.config);
        if (result.message && ctx.messageGateway) {
          await sendToGateway(
            ctx.messageGateway,
            { ticketId: row.ticket_id, ticketNumber: request.ticket.number, idempotencyKey: row.idempotency_key, message: result.message },
            controller.signal,
          );
        }
        return result;
      };
      running = true;
      // Redacting keeps the outcome's shape; parsing it again gives its type back.
      return {
        outcome: effectOutcomeShape.schema.parse(redact.value(actionOutcome(node.type, node.config, await Promise.race([run(), timeout])))),
        final: false,
      };
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    if (!running && isConnectionError(error)) throw error;
    // A refused destination stays refused: dead-lettered at once, no retries hammering the guard.
    return { outcome: { ok: false, error: redact.text(errorMessage(error)) }, final: httpRefusalOf(error) !== undefined };
  }
}

/** What running an effect came to, and whether a failure is final (retrying cannot help). */
interface RunOutcome {
  readonly outcome: EffectOutcome;
  readonly final: boolean;
}

/** A node's own `timeoutMs` config field (the http node has one), when it is a positive number. */
function configTimeout(config: unknown): number | undefined {
  const value = typeof config === 'object' && config !== null ? (config as { timeoutMs?: unknown }).timeoutMs : undefined;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Settles a delivery only if this worker still holds it (its lease was not taken over). */
async function settleRow(trx: Kysely<Database>, row: OutboxRow, set: Updateable<OutboxTable>): Promise<boolean> {
  const result = await trx
    .updateTable('outbox')
    .set(set)
    .where('id', '=', row.id)
    .where('status', '=', 'running')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The result goes to the ticket's inbox, in one round trip; the ticket row's update makes it due.
 * The caller announces it once committed (`announceCommitted`).
 */
async function queueResult(trx: Kysely<Database>, row: OutboxRow, payload: EffectResultPayload, now: Date): Promise<void> {
  await sendTogether(trx, (send) =>
    Promise.all([
      send(announceAfterCommit(trx)),
      send(wakeTicketQuery(trx, row.ticket_id, now)),
      send(
        trx.insertInto('ticket_events').values({
          ticket_id: row.ticket_id,
          type: payload.outcome.ok ? 'effect.done' : 'effect.error',
          payload: effectResultShape.json(payload),
          flow_id: row.flow_id,
          node_id: row.node_id,
          at: now,
          applied_at: null,
        }),
      ),
    ]),
  );
}

/** A delivered message joins the ticket's conversation once, whatever the retries. */
async function recordMessage(trx: Kysely<Database>, row: OutboxRow, message: OutboundMessage, channel: string, now: Date): Promise<void> {
  await trx
    .insertInto('ticket_messages')
    .values({
      ticket_id: row.ticket_id,
      direction: message.audience === 'customer' ? 'out' : 'team',
      author: `flow:${row.flow_id}/${row.node_id}`,
      via: message.via ?? channel,
      recipient: message.recipient ?? null,
      body: message.body,
      language: message.language ?? null,
      idempotency_key: row.idempotency_key,
      at: now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

async function audit(
  trx: Kysely<Database>,
  row: OutboxRow,
  now: Date,
  fact: Extract<AuditFact, { kind: `effect.${string}` }>,
): Promise<void> {
  await recordAudit(trx, { at: now, actor: 'runtime', ticketId: row.ticket_id, flowId: row.flow_id, ...fact });
}
