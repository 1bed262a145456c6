import type { Guardrail, GuardrailTrip, RampPlan } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import { isConnectionError } from '../db/connection-error';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { type DeploymentState, stateOf, stepInterval } from './deployment-state';
import { notifyOps } from './ops-notifications';
import { writeDeployment } from './record-change';
import { versionCounts, type VersionCounts } from './version-counts';

/** The actor of changes the runtime makes by itself. */
export const ROLLOUT_ACTOR = 'runtime';

/** What one check did, by flow id. */
export interface RolloutCheck {
  readonly rolledBack: string[];
  readonly ramped: string[];
}

/**
 * Watches every rollout with a candidate: a tripped guardrail rolls the candidate back to
 * 0% (audited, ops notified) before anything else; otherwise a due ramp step raises the
 * percentage. Each deployment is changed under its row lock (SKIP LOCKED: another worker
 * or a person changing it now takes precedence), so any number of workers can run this.
 */
export async function checkRollouts(ctx: RuntimeContext): Promise<RolloutCheck> {
  const now = ctx.clock.now();
  const watched = await ctx.db
    .selectFrom('deployments')
    .select('flow_id')
    .where('candidate', 'is not', null)
    .where((eb) =>
      eb.or([eb.and([eb('percent', '>', 0), sql<boolean>`jsonb_array_length(guardrails) > 0`]), eb('next_step_at', '<=', now)]),
    )
    .execute();
  const result: RolloutCheck = { rolledBack: [], ramped: [] };
  for (const { flow_id: flowId } of watched) {
    const outcome = await checkRollout(ctx, flowId, now).catch((error: unknown) => {
      if (isConnectionError(error)) throw error;
      // One flow's bad row (a StoredDataError names it) must not stop the other flows' guardrails and ramps.
      ctx.logger.error({ err: error, flow: flowId }, 'checking this rollout failed; the other rollouts go on');
      return undefined;
    });
    if (outcome) result[outcome].push(flowId);
  }
  for (const flowId of result.rolledBack) ctx.logger.warn({ flow: flowId }, 'a guardrail tripped: the candidate was rolled back to 0%');
  return result;
}

/** One flow's check, in its own transaction: a tripped guardrail rolls it back, else a due ramp step is taken. */
async function checkRollout(ctx: RuntimeContext, flowId: string, now: Date): Promise<keyof RolloutCheck | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('deployments').selectAll().where('flow_id', '=', flowId).forUpdate().skipLocked().executeTakeFirst();
    if (!row || row.candidate === null) return undefined;
    const state = stateOf(row);
    const trip = state.percent > 0 ? await trippedGuardrail(trx, flowId, state, now) : undefined;
    if (trip) {
      await rollBack(trx, flowId, state, trip, now);
      return 'rolledBack' as const;
    }
    if (state.ramp && state.nextStepAt && state.nextStepAt <= now) {
      await rampUp(trx, flowId, state, state.ramp, now);
      return 'ramped' as const;
    }
    return undefined;
  });
}

/** The first guardrail the candidate's numbers break, with what it saw. */
async function trippedGuardrail(
  trx: Kysely<Database>,
  flowId: string,
  state: DeploymentState,
  now: Date,
): Promise<GuardrailTrip | undefined> {
  if (state.guardrails.length === 0 || state.candidate === null) return undefined;
  const counts = await versionCounts(trx, flowId, [state.stable, state.candidate]);
  const candidate = counts.find((c) => c.version === state.candidate);
  const stable = counts.find((c) => c.version === state.stable);
  if (!candidate) return undefined;
  for (const guardrail of state.guardrails) {
    if (candidate.bound < guardrail.minTickets) continue;
    const candidateRate = rateOf(candidate, guardrail);
    if (guardrail.above !== undefined && candidateRate > guardrail.above) {
      return { guardrail, candidateRate, stableRate: null, candidateTickets: candidate.bound, at: now.toISOString() };
    }
    if (guardrail.worseThanStableBy !== undefined && stable && stable.bound > 0) {
      const stableRate = rateOf(stable, guardrail);
      if (candidateRate - stableRate > guardrail.worseThanStableBy) {
        return { guardrail, candidateRate, stableRate, candidateTickets: candidate.bound, at: now.toISOString() };
      }
    }
  }
  return undefined;
}

/** A guardrail's metric in percent of the version's tickets. */
function rateOf(counts: VersionCounts, guardrail: Guardrail): number {
  const hits =
    guardrail.metric === 'errorRate' ? counts.errors : guardrail.metric === 'slaBreachRate' ? counts.slaBreaches : counts.escalations;
  return counts.bound === 0 ? 0 : (100 * hits) / counts.bound;
}

async function rollBack(trx: Kysely<Database>, flowId: string, state: DeploymentState, trip: GuardrailTrip, now: Date): Promise<void> {
  await writeDeployment(
    trx,
    flowId,
    state,
    { ...state, percent: 0, nextStepAt: null, tripped: trip, updatedAt: now },
    {
      kind: 'rollout.guardrail_tripped',
      actor: ROLLOUT_ACTOR,
      at: now,
      reason: describeTrip(trip).en,
      detail: { trip },
    },
  );
  await notifyOps(trx, now, {
    kind: 'rollout.guardrail_tripped',
    flowId,
    message: describeTrip(trip, flowId, state.candidate),
    detail: { trip, candidate: state.candidate, stable: state.stable },
  });
}

async function rampUp(trx: Kysely<Database>, flowId: string, state: DeploymentState, ramp: RampPlan, now: Date): Promise<void> {
  const step = state.rampStep + 1;
  const percent = ramp.steps[step];
  if (percent === undefined) throw new Error(`flow ${flowId}: ramp step ${step} is past the plan's ${ramp.steps.length} steps`);
  const last = step + 1 >= ramp.steps.length;
  const after: DeploymentState = {
    ...state,
    percent,
    rampStep: step,
    nextStepAt: last ? null : new Date(now.getTime() + stepInterval(ramp)),
    updatedAt: now,
  };
  await writeDeployment(trx, flowId, state, after, {
    kind: 'rollout.ramped',
    actor: ROLLOUT_ACTOR,
    at: now,
    detail: { step, steps: ramp.steps },
  });
  if (last) {
    await notifyOps(trx, now, {
      kind: 'rollout.ramp_completed',
      flowId,
      message: {
        en: `Flow ${flowId}: the ramp plan reached ${percent}% for version ${state.candidate}; promote it when its numbers hold.`,
        'zh-CN': `流程 ${flowId}：版本 ${state.candidate} 的灰度计划已到 ${percent}%；指标稳定后请转为正式版本。`,
      },
      detail: { candidate: state.candidate, percent },
    });
  }
}

const METRIC_NAMES: Record<Guardrail['metric'], { en: string; 'zh-CN': string }> = {
  errorRate: { en: 'error rate', 'zh-CN': '错误率' },
  slaBreachRate: { en: 'SLA breach rate', 'zh-CN': 'SLA 超时率' },
  escalationRate: { en: 'escalation rate', 'zh-CN': '升级率' },
};

function describeTrip(trip: GuardrailTrip, flowId?: string, candidate?: number | null): { en: string; 'zh-CN': string } {
  const name = METRIC_NAMES[trip.guardrail.metric];
  const rate = trip.candidateRate.toFixed(1);
  const who = flowId === undefined ? '' : `Flow ${flowId} v${candidate}: `;
  const whoZh = flowId === undefined ? '' : `流程 ${flowId} 版本 ${candidate}：`;
  if (trip.stableRate === null) {
    return {
      en: `${who}candidate ${name.en} ${rate}% is above ${trip.guardrail.above}% over ${trip.candidateTickets} tickets; rolled back to 0%`,
      'zh-CN': `${whoZh}候选版本${name['zh-CN']} ${rate}% 超过 ${trip.guardrail.above}%（${trip.candidateTickets} 张工单），已回滚到 0%`,
    };
  }
  const stable = trip.stableRate.toFixed(1);
  return {
    en: `${who}candidate ${name.en} ${rate}% is worse than stable's ${stable}% by more than ${trip.guardrail.worseThanStableBy} points over ${trip.candidateTickets} tickets; rolled back to 0%`,
    'zh-CN': `${whoZh}候选版本${name['zh-CN']} ${rate}% 比正式版本 ${stable}% 差超过 ${trip.guardrail.worseThanStableBy} 个百分点（${trip.candidateTickets} 张工单），已回滚到 0%`,
  };
}
