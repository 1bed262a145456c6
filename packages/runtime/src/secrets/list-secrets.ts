import type { SecretView } from '@switchyard/api';
import type { RuntimeContext } from '../durable/runtime-context';
import { envSecret, envSecretNames } from './secret-settings';
import { secretSettings } from './runtime-secrets';

/**
 * Every secret the table or the environment has, and every secret an installed node
 * declares (unset ones included, so an operator sees what is missing), by name. Values
 * are never read here.
 * @example const missing = (await listSecrets(ctx)).filter((s) => !s.set);
 */
export async function listSecrets(ctx: RuntimeContext): Promise<SecretView[]> {
  const settings = secretSettings(ctx);
  const rows = await ctx.db.selectFrom('secrets').select(['name', 'cipher', 'updated_at']).execute();
  const usedBy = new Map<string, Set<string>>();
  for (const def of ctx.registry.all()) {
    if (def.kind !== 'action') continue;
    for (const name of def.secrets ?? []) usedBy.set(name, (usedBy.get(name) ?? new Set()).add(def.type));
  }
  const table = new Map(rows.map((r) => [r.name, r]));
  const names = [...new Set([...table.keys(), ...envSecretNames(settings), ...usedBy.keys()])].sort();
  return names.map((name) => {
    const row = table.get(name);
    const source = row ? 'table' : envSecret(settings, name) !== undefined ? 'env' : null;
    return {
      name,
      set: source !== null,
      source,
      encrypted: row ? row.cipher !== 'none' : null,
      updatedAt: row ? row.updated_at.toISOString() : null,
      usedBy: [...(usedBy.get(name) ?? [])].sort(),
    };
  });
}

/** The names that have a value (table or environment), for the node catalog's `set`. */
export async function setSecretNames(ctx: RuntimeContext): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('secrets').select('name').execute();
  return new Set([...rows.map((r) => r.name), ...envSecretNames(secretSettings(ctx))]);
}
