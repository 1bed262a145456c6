import { type DeployerCheck, TwoPersonRuleViolation } from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { principalOf } from './principal';

/**
 * Under the two-person rule (SWITCHYARD_TWO_PERSON_RULE=1) the caller as the deployer the runtime
 * checks, inside the deployment change's transaction, against each newly deployed version's publisher.
 */
export function deployerCheck(c: Context<AppEnv>, twoPersonRule: boolean): DeployerCheck | undefined {
  return twoPersonRule ? { userId: principalOf(c).id } : undefined;
}

/** Runs a deployment change, answering the two-person rule's 403 when the runtime refuses it. */
export async function refusingSelfDeploy<Answer>(c: Context<AppEnv>, change: () => Promise<Answer>) {
  try {
    return await change();
  } catch (error) {
    if (error instanceof TwoPersonRuleViolation) return twoPersonRefusal(c, error.flowId, error.version);
    throw error;
  }
}

/** The 403 of the two-person rule, naming it and the version, in both languages. */
function twoPersonRefusal(c: Context<AppEnv>, flowId: string, version: number) {
  const message = {
    en: `Two-person rule: you published version ${version} of ${flowId}, so someone else must deploy it.`,
    'zh-CN': `双人复核规则：${flowId} 的版本 ${version} 由您发布，须由其他人部署。`,
  };
  return c.json(
    { error: `two-person rule: version ${version} was published by the caller`, details: { rule: 'two-person', flowId, version, message } },
    403,
  );
}
