import { type Rollout, RolloutChange } from '@switchyard/api';
import type { RuntimeContext } from '../durable/runtime-context';
import { loadDeployment } from './deployment-state';
import { ROLLOUT_KINDS } from './record-change';

const HISTORY_LENGTH = 100;

/** GET /api/flows/:id/rollout: the deployment with its revision, its plan and guardrails, its history (newest first). */
export async function getRollout(ctx: Pick<RuntimeContext, 'db'>, flowId: string): Promise<Rollout> {
  const state = await loadDeployment(ctx.db, flowId, 'read');
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'kind', 'detail'])
    .where('flow_id', '=', flowId)
    .where('kind', 'in', ROLLOUT_KINDS)
    .orderBy('id', 'desc')
    .limit(HISTORY_LENGTH)
    .execute();
  return {
    flowId,
    stable: state.stable,
    candidate: state.candidate,
    percent: state.percent,
    position: state.position,
    guardrails: [...state.guardrails],
    ramp: state.ramp ? { ...state.ramp, step: state.rampStep, nextStepAt: state.nextStepAt?.toISOString() ?? null } : null,
    tripped: state.tripped,
    updatedAt: state.updatedAt.toISOString(),
    revision: state.revision,
    history: rows.map((row) => historyEntry(row)),
  };
}

/** An audit row as a history line; older `flow.deployed` rows only name the version. */
function historyEntry(row: { at: Date; actor: string; kind: string; detail: unknown }): RolloutChange {
  const { from, to, reason, version, ...rest } = (row.detail ?? {}) as Record<string, unknown>;
  const split = (value: unknown) => RolloutChange.shape.from.safeParse(value).data ?? null;
  return {
    at: row.at.toISOString(),
    actor: row.actor,
    kind: row.kind as RolloutChange['kind'],
    from: split(from),
    to: split(to) ?? (typeof version === 'number' ? { stable: version, candidate: null, percent: 0 } : null),
    reason: typeof reason === 'string' ? reason : null,
    detail: rest,
  };
}
