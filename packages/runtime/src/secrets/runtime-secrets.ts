import type { RuntimeContext } from '../durable/runtime-context';
import { type SecretSettings, secretSettingsFromEnv } from './secret-settings';

let fromProcess: SecretSettings | undefined;

/** The context's secret settings, else those of this process's environment (read once). */
export function secretSettings(ctx: Pick<RuntimeContext, 'secrets'>): SecretSettings {
  return ctx.secrets ?? (fromProcess ??= secretSettingsFromEnv(process.env));
}
