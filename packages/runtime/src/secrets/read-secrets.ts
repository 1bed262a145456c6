import type { RuntimeContext } from '../durable/runtime-context';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { openSecret } from './secret-cipher';
import { envSecret } from './secret-settings';
import { secretSettings } from './runtime-secrets';

/**
 * The values of the named secrets that are set: the table's (decrypted) first, else
 * `SWITCHYARD_SECRET_<NAME>`. Unset names are absent; the node's `ctx.secrets.get` names them.
 * Throws naming a secret that cannot be decrypted.
 */
export async function readSecrets(ctx: RuntimeContext, names: readonly string[]): Promise<Record<string, string>> {
  if (names.length === 0) return {};
  const settings = secretSettings(ctx);
  const keys = dataKeys(ctx);
  const rows = await ctx.db.selectFrom('secrets').select(['name', 'value', 'cipher']).where('name', 'in', names).execute();
  const values: Record<string, string> = {};
  for (const name of names) {
    const row = rows.find((r) => r.name === name);
    const value = row ? openSecret(name, row, settings.key, keys) : envSecret(settings, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** How an operator sets a missing secret, for the node's error. */
export const SECRET_HINT = 'set SWITCHYARD_SECRET_<NAME> or PUT /api/secrets/<NAME>';
