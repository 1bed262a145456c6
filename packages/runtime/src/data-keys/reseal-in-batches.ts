import type { RuntimeContext } from '../durable/runtime-context';
import { resealedTotal, resealRows } from './reseal-rows';

/**
 * Up to `maxBatches` passes of `resealRows`, stopping at the first that finds nothing: the
 * worker's rotation chore, kept short so the worker's other work is not held up. Logs what it did.
 * @example await resealInBatches(ctx);
 */
export async function resealInBatches(ctx: RuntimeContext, maxBatches = 5, batchSize = 100): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = resealedTotal(await resealRows(ctx, batchSize));
    total += count;
    if (count === 0) break;
  }
  if (total > 0) ctx.logger.info({ rows: total }, 're-sealed rows with the current data key');
  return total;
}
