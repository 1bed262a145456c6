import { RolloutRequest, type Rollout } from '@switchyard/api';
import { inTransaction } from '../catalog/in-transaction';
import { parseInput } from '../catalog/invalid-input';
import type { RuntimeContext } from '../durable/runtime-context';
import { type DeploymentState, nextPosition, requireFlow, stateOf, stepInterval } from './deployment-state';
import { getRollout } from './get-rollout';
import { type DeploymentChange, writeDeployment } from './record-change';
import { requirePublished } from './require-published';
import { requireWritten } from './rollout-conflict';
import { type DeployerCheck, requireOtherPublisher } from './two-person-rule';

/**
 * PUT /api/flows/:id/rollout: which versions new tickets get. Without a candidate every
 * new ticket gets `stable`; with one, `percent` % of them (sticky per ticket). Omitted
 * guardrails stay as they were; an omitted ramp plan keeps running only while the
 * candidate and percentage are left alone. Tickets already bound keep their version.
 * With `revision`, the change applies only to that revision of the deployment (0: not deployed
 * yet); one that moved on since answers a 409 with the deployment now, and nothing changes.
 * With `deployer` (the two-person rule), a version it newly deploys that the deployer published
 * throws `TwoPersonRuleViolation`; restating the running stable deploys nothing new.
 * @example await setRollout(ctx, 'intake', { stable: 3, candidate: 4, percent: 10 }, 'ops@example.com');
 */
export async function setRollout(
  ctx: RuntimeContext,
  flowId: string,
  input: RolloutRequest,
  actor: string,
  deployer?: DeployerCheck,
): Promise<Rollout> {
  // The schema's refinements (packages/api rollout rules) refuse a candidate equal to stable, a share or ramp without one.
  const request = parseInput(RolloutRequest, input);
  const candidate = request.candidate ?? null;
  await inTransaction(ctx.db, async (trx) => {
    await requireFlow(trx, flowId);
    await requirePublished(trx, flowId, request.stable, 'stable');
    if (candidate !== null) await requirePublished(trx, flowId, candidate, 'candidate');
    const row = await trx.selectFrom('deployments').selectAll().where('flow_id', '=', flowId).forUpdate().executeTakeFirst();
    const before = row ? stateOf(row) : null;
    const deployed = [request.stable, candidate].filter((v): v is number => v !== null && v !== before?.stable);
    await requireOtherPublisher(trx, flowId, deployed, deployer);
    const now = ctx.clock.now();
    const after: DeploymentChange = {
      stable: request.stable,
      candidate,
      ...plannedShare(request, candidate, before, now),
      position: before?.position ?? (await nextPosition(trx)),
      guardrails: request.guardrails ?? before?.guardrails ?? [],
      tripped: null,
      updatedAt: now,
    };
    const change = {
      kind: 'rollout.changed',
      actor,
      at: now,
      reason: request.reason,
      detail: { guardrails: after.guardrails, ramp: after.ramp },
    } as const;
    await requireWritten(trx, flowId, await writeDeployment(trx, flowId, before, after, change, request.revision), request.revision);
  });
  return getRollout(ctx, flowId);
}

type Share = Pick<DeploymentState, 'percent' | 'ramp' | 'rampStep' | 'nextStepAt'>;

/** The percentage and ramp schedule a request asks for, given what runs now. */
function plannedShare(
  request: ReturnType<typeof RolloutRequest.parse>,
  candidate: number | null,
  before: DeploymentState | null,
  now: Date,
): Share {
  if (candidate === null) return { percent: 0, ramp: null, rampStep: -1, nextStepAt: null };
  const running = before?.candidate === candidate ? before : null;
  if (request.ramp) {
    const { steps } = request.ramp;
    // A given percentage starts the plan part-way: its next step is the first above it.
    const [firstStep] = steps;
    if (firstStep === undefined) throw new Error('a ramp plan has at least one step (RampPlan)');
    const percent = request.percent ?? firstStep;
    const rampStep = steps.findLastIndex((step) => step <= percent);
    const next = rampStep + 1 < steps.length ? new Date(now.getTime() + stepInterval(request.ramp)) : null;
    return { percent, ramp: request.ramp, rampStep, nextStepAt: next };
  }
  if (request.ramp === undefined && request.percent === undefined && running) {
    return { percent: running.percent, ramp: running.ramp, rampStep: running.rampStep, nextStepAt: running.nextStepAt };
  }
  return { percent: request.percent ?? running?.percent ?? 0, ramp: null, rampStep: -1, nextStepAt: null };
}
