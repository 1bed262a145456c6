import type { CompiledFlow } from '@switchyard/compiler';
import type { Kysely, Selectable } from 'kysely';
import { loadRoster } from '../catalog/load-roster';
import { dataKeys } from '../data-keys/runtime-data-keys';
import type { BacktestsTable, Database } from '../db/schema';
import { backtestDifferenceShape, backtestFilterShape, backtestReplaysShape } from '../db/stored/backtest-shapes';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { readStored } from '../db/stored/read-stored';
import type { FlowCache } from '../durable/flow-cache';
import type { RuntimeContext } from '../durable/runtime-context';
import { errorMessage } from '../engine/error-message';
import { type PreparedFlow, prepareFlows } from '../engine/prepared-flow';
import { loadReplayHistory } from './load-replay-history';
import { replayBoth, type TicketOutcome } from './replay-both';
import { nextWindowTickets, type TicketWindow } from './window-tickets';

/** How long a worker holds a job while it replays one batch; past it, another worker takes the job over. */
export const BACKTEST_LEASE_MS = 60_000;
/** Tickets whose history is read in one go. */
export const BACKTEST_BATCH = 25;
/** At most this many tickets per slice: a worker does one slice, then goes back to live tickets. */
export const BACKTEST_SLICE_TICKETS = 200;
/**
 * A slice stops taking more batches once it has replayed this long (wall time): live tickets wait
 * for a backtest at most about this plus one batch. Longer slices pay the claim, the record and
 * the worker's round once for more tickets.
 */
export const BACKTEST_SLICE_MS = 200;

const candidates = new Map<string, PreparedFlow>();

/**
 * Runs one slice of the oldest running backtest whose lease is free (claimed with `FOR UPDATE
 * SKIP LOCKED`, so two workers never replay the same tickets): replays its next tickets, batch
 * after batch (the next batch's history read while this one replays) until `limit` tickets or
 * BACKTEST_SLICE_MS, then records their results and the job's progress and releases it, in one
 * transaction that first checks the job is still running (a cancel or delete in between drops
 * the slice). Returns whether it found a job. A job whose slice throws is marked failed with the reason.
 */
export async function runBacktestSlice(ctx: RuntimeContext, cache: FlowCache, limit = BACKTEST_SLICE_TICKETS): Promise<boolean> {
  const now = ctx.clock.now();
  const job = await claimJob(ctx.db, now);
  if (!job) return false;
  try {
    const results = await replaySlice(ctx, cache, job, limit);
    await record(ctx.db, job, results, ctx.clock.now());
  } catch (error) {
    ctx.logger.error({ err: error, backtest: job.id }, 'a backtest failed');
    await ctx.db
      .updateTable('backtests')
      .set({ status: 'failed', error: errorMessage(error), lease_until: null, finished_at: ctx.clock.now() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute();
  }
  return true;
}

async function claimJob(db: Kysely<Database>, now: Date): Promise<Selectable<BacktestsTable> | undefined> {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom('backtests')
      .selectAll()
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!job) return undefined;
    await trx
      .updateTable('backtests')
      .set({ lease_until: new Date(now.getTime() + BACKTEST_LEASE_MS) })
      .where('id', '=', job.id)
      .execute();
    return job;
  });
}

type Cursor = { readonly at: Date; readonly id: string } | undefined;

interface BatchResults {
  readonly outcomes: readonly TicketOutcome[];
  readonly last: Cursor;
  /** No ticket left after this slice. */
  readonly finished: boolean;
}

/** The next batch of the window after a cursor, with the tickets' histories. */
async function loadBatch(ctx: RuntimeContext, window: TicketWindow, after: Cursor, size: number) {
  const tickets = await nextWindowTickets(ctx.db, window, after, size);
  const histories = await loadReplayHistory(
    ctx.db,
    tickets.map((t) => t.id),
    dataKeys(ctx),
  );
  const last = tickets.at(-1);
  return { tickets, histories, last: last ? { at: last.created_at, id: last.id } : after };
}

async function replaySlice(ctx: RuntimeContext, cache: FlowCache, job: Selectable<BacktestsTable>, limit: number): Promise<BatchResults> {
  const window: TicketWindow = {
    from: job.from_at,
    to: new Date(Math.min(job.to_at.getTime(), job.as_of.getTime())),
    filter: readStored(backtestFilterShape, job.filter, { table: 'backtests', key: job.id }),
  };
  const left = job.total - job.done;
  const wanted = Math.min(limit, left);
  const size = (taken: number) => Math.min(BACKTEST_BATCH, wanted - taken);
  const started = performance.now();
  const candidate = candidateOf(ctx, job);
  const roster = await loadRoster(ctx.db);
  const outcomes: TicketOutcome[] = [];
  let cursor: Cursor = job.cursor_at && job.cursor_id !== null ? { at: job.cursor_at, id: job.cursor_id } : undefined;
  let next = loadBatch(ctx, window, cursor, size(0));
  let lastMs = 0;
  for (;;) {
    const batch = await next;
    const batchStarted = performance.now();
    cursor = batch.last;
    const taken = outcomes.length + batch.tickets.length;
    const short = batch.tickets.length < size(outcomes.length);
    // Another batch only if this one, taking as long as the last, leaves the slice within its time.
    const more = !short && taken < wanted && batchStarted - started + lastMs < BACKTEST_SLICE_MS;
    // Read ahead while this batch replays: the database's wait overlaps the replay's work.
    if (more) {
      next = loadBatch(ctx, window, cursor, size(taken));
      // Marked handled now (it is awaited after the replay): a failed read must fail the slice, not the process.
      next.catch(() => undefined);
    }
    const prepared = await cache.load(
      ctx.db,
      batch.histories.flatMap((h) => h.bindings),
    );
    for (const history of batch.histories) {
      outcomes.push(await replayBoth(history, prepared, candidate, { registry: ctx.registry, roster, until: job.as_of.getTime() }));
    }
    lastMs = performance.now() - batchStarted;
    if (!more) return { outcomes, last: cursor, finished: short || taken >= left };
  }
}

/** The job's candidate flow, its machine built once per process. */
function candidateOf(ctx: RuntimeContext, job: Selectable<BacktestsTable>): PreparedFlow {
  const known = candidates.get(job.id);
  if (known) return known;
  const compiled: CompiledFlow = readStored(compiledFlowShape, job.candidate, { table: 'backtests', key: job.id });
  const [prepared] = prepareFlows([compiled], ctx.registry);
  if (!prepared) throw new Error(`backtest ${job.id}: the candidate could not be prepared`);
  if (candidates.size >= 8) candidates.clear();
  candidates.set(job.id, prepared);
  return prepared;
}

async function record(db: Kysely<Database>, job: Selectable<BacktestsTable>, results: BatchResults, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('backtests').select(['status', 'done']).where('id', '=', job.id).forUpdate().executeTakeFirst();
    // Cancelled or deleted while this batch ran, or taken over after a lease ran out: the batch is dropped.
    if (current?.status !== 'running' || current.done !== job.done) return;
    const kept = results.outcomes.filter((o) => o.summary.kinds.length > 0 || o.summary.replayError !== null);
    if (kept.length > 0) {
      await trx
        .insertInto('backtest_tickets')
        .values(
          kept.map((o) => ({
            backtest_id: job.id,
            ticket_id: o.summary.ticketId,
            seq: job.done + results.outcomes.indexOf(o),
            summary: backtestDifferenceShape.json(o.summary),
            detail: backtestReplaysShape.json(o.replays),
          })),
        )
        .execute();
    }
    const done = job.done + results.outcomes.length;
    const finished = results.finished || done >= job.total;
    await trx
      .updateTable('backtests')
      .set({
        done,
        differing: job.differing + results.outcomes.filter((o) => o.summary.kinds.length > 0).length,
        replay_errors: job.replay_errors + results.outcomes.filter((o) => o.summary.replayError !== null).length,
        roster_today: job.roster_today || results.outcomes.some((o) => o.replays.roster === 'today'),
        cursor_at: results.last?.at ?? job.cursor_at,
        cursor_id: results.last?.id ?? job.cursor_id,
        lease_until: null,
        ...(finished ? { status: 'done' as const, finished_at: now, total: done } : {}),
      })
      .where('id', '=', job.id)
      .execute();
  });
}
