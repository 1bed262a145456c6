import { BacktestRequest } from '@switchyard/api';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { targetFlow } from '../catalog/dry-run-flow';
import { parseInput } from '../catalog/invalid-input';
import { backtestFilterShape } from '../db/stored/backtest-shapes';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import type { RuntimeContext } from '../durable/runtime-context';
import { announceWork } from '../durable/work-channel';
import { windowTickets } from './window-tickets';

/**
 * Starts a backtest job: compiles the candidate (a version, an unsaved document or the draft),
 * counts the tickets of the window, and leaves the replay to the workers (a job runs in the
 * background, a small batch at a time). Answers the job's id and how many tickets it will replay.
 * @example const { id } = await startBacktest(ctx, 'intake-classify', { from, to }, 'alice');
 */
export async function startBacktest(
  ctx: RuntimeContext,
  flowId: string,
  input: z.input<typeof BacktestRequest>,
  actor: string,
): Promise<{ id: string; total: number }> {
  const request = parseInput(BacktestRequest, input);
  const candidate = await targetFlow(ctx, flowId, { version: request.version, document: request.document, tickets: [] });
  const now = ctx.clock.now();
  const filter = request.filter ?? {};
  const window = { from: new Date(request.from), to: new Date(Math.min(Date.parse(request.to), now.getTime())), filter };
  return ctx.db.transaction().execute(async (trx) => {
    const counted = await windowTickets(trx, window)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Math.min(Number(counted.n), request.limit ?? Number.POSITIVE_INFINITY);
    const id = randomUUID();
    await trx
      .insertInto('backtests')
      .values({
        id,
        flow_id: flowId,
        version: request.version ?? null,
        candidate: compiledFlowShape.json(candidate),
        from_at: window.from,
        to_at: new Date(request.to),
        as_of: now,
        max_tickets: request.limit ?? null,
        filter: backtestFilterShape.json(filter),
        status: total === 0 ? 'done' : 'running',
        total,
        cursor_at: null,
        cursor_id: null,
        lease_until: null,
        error: null,
        created_at: now,
        created_by: actor,
        finished_at: total === 0 ? now : null,
      })
      .execute();
    await announceWork(trx);
    return { id, total };
  });
}
