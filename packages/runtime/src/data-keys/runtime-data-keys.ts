import type { RuntimeContext } from '../durable/runtime-context';
import type { DataKeyRing } from './data-key-ring';
import { DATA_KEY_ENV, dataKeyRingFromEnv } from './data-key-settings';

let fromProcess: DataKeyRing | undefined;

/**
 * The context's data keys, else those of this process's environment (read once). Throws
 * when neither has a key: customer data is never written in clear.
 */
export function dataKeys(ctx: Pick<RuntimeContext, 'dataKeys'>): DataKeyRing {
  if (ctx.dataKeys) return ctx.dataKeys;
  fromProcess ??= dataKeyRingFromEnv(process.env);
  if (!fromProcess) throw new Error(`${DATA_KEY_ENV} is not set: customer data and secrets cannot be sealed`);
  return fromProcess;
}
