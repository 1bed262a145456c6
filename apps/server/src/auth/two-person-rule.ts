import type { RuntimeContext } from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { Principal } from './principal';

/**
 * The versions among `versions` the caller published themselves, lowest first. Under the
 * two-person rule (SWITCHYARD_TWO_PERSON_RULE=1) such a version cannot be deployed by them,
 * as stable or as candidate: someone else must. Versions published before migration 0009
 * have no recorded publisher and pass.
 */
export async function ownVersions(
  ctx: RuntimeContext,
  principal: Principal,
  flowId: string,
  versions: readonly number[],
): Promise<number[]> {
  if (versions.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('flow_versions')
    .select('version')
    .where('flow_id', '=', flowId)
    .where('version', 'in', [...versions])
    .where('published_by', '=', principal.id)
    .orderBy('version')
    .execute();
  return rows.map((row) => row.version);
}

/** The deployment's current stable and candidate, to tell what a rollout change newly deploys. */
export async function currentSplit(ctx: RuntimeContext, flowId: string): Promise<{ stable: number | null; candidate: number | null }> {
  const row = await ctx.db.selectFrom('deployments').select(['stable', 'candidate']).where('flow_id', '=', flowId).executeTakeFirst();
  return { stable: row?.stable ?? null, candidate: row?.candidate ?? null };
}

/** The 403 of the two-person rule, naming it and the version, in both languages. */
export function twoPersonRefusal(c: Context<AppEnv>, flowId: string, version: number) {
  const message = {
    en: `Two-person rule: you published version ${version} of ${flowId}, so someone else must deploy it.`,
    'zh-CN': `双人复核规则：${flowId} 的版本 ${version} 由您发布，须由其他人部署。`,
  };
  return c.json(
    { error: `two-person rule: version ${version} was published by the caller`, details: { rule: 'two-person', flowId, version, message } },
    403,
  );
}
