import { Guardrail, type GuardrailTrip, type RampPlan, type RolloutSplit } from '@switchyard/api';
import { parseDuration } from '@switchyard/flow';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { json, type Database, type DeploymentsTable } from '../db/schema';
import { guardrailTripShape, rampPlanShape } from '../db/stored/deployment-shapes';
import { readColumn } from '../db/stored/read-column';
import { readStored } from '../db/stored/read-stored';
import { NotFoundError, RuntimeInputError } from '../errors';

/** A deployment as the rollout code reads and writes it. */
export interface DeploymentState {
  readonly stable: number;
  readonly candidate: number | null;
  readonly percent: number;
  readonly position: number;
  readonly guardrails: readonly Guardrail[];
  readonly ramp: RampPlan | null;
  /** Index in `ramp.steps` of the share applied now; -1 before the first. */
  readonly rampStep: number;
  readonly nextStepAt: Date | null;
  readonly tripped: GuardrailTrip | null;
  readonly updatedAt: Date;
  /** 1 when first deployed, one more on every change; `writeDeployment` bumps it. */
  readonly revision: number;
}

const Guardrails = z.array(Guardrail);

/** A deployments row as its state; its JSON columns parsed, a bad one reported with the flow id. */
export function stateOf(row: Selectable<DeploymentsTable>): DeploymentState {
  const at = { table: 'deployments', key: row.flow_id };
  return {
    stable: row.stable,
    candidate: row.candidate,
    percent: row.percent,
    position: row.position,
    // A plain JSON array (no room for a version key): its schema reads every row written so far.
    guardrails: readColumn(Guardrails, row.guardrails, at, 'guardrails'),
    ramp: row.ramp === null ? null : readStored(rampPlanShape, row.ramp, at),
    rampStep: row.ramp_step,
    nextStepAt: row.next_step_at,
    tripped: row.tripped === null ? null : readStored(guardrailTripShape, row.tripped, at),
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

export function splitOf(state: Pick<DeploymentState, 'stable' | 'candidate' | 'percent'>): RolloutSplit {
  return { stable: state.stable, candidate: state.candidate, percent: state.percent };
}

/** The milliseconds between a ramp plan's steps (validated when the plan came in). */
export function stepInterval(ramp: RampPlan): number {
  const ms = parseDuration(ramp.every);
  if (ms === undefined) throw new Error(`ramp interval "${ramp.every}" is not a duration`);
  return ms;
}

/**
 * The flow's deployment; with `lock`, row-locked for the caller's transaction, so changes
 * to one rollout (a person's, the worker's ramp or guardrail) apply one after the other.
 * 404 naming the flow when it does not exist or was never deployed.
 */
export async function loadDeployment(db: Kysely<Database>, flowId: string, lock: 'lock' | 'read'): Promise<DeploymentState> {
  const select = db.selectFrom('deployments').selectAll().where('flow_id', '=', flowId);
  const row = await (lock === 'lock' ? select.forUpdate() : select).executeTakeFirst();
  if (row) return stateOf(row);
  await requireFlow(db, flowId);
  throw new RuntimeInputError(`flow ${flowId} is not deployed: PUT /api/flows/${flowId}/rollout with a stable version first`, 404, {
    entity: 'deployment',
    id: flowId,
  });
}

export async function requireFlow(db: Kysely<Database>, flowId: string): Promise<void> {
  const flow = await db.selectFrom('flows').select('id').where('id', '=', flowId).executeTakeFirst();
  if (!flow) throw new NotFoundError('flow', flowId);
}

/** The row values of a state, for insert or update; the revision is `writeDeployment`'s to set. */
export function deploymentValues(state: Omit<DeploymentState, 'revision'>) {
  return {
    stable: state.stable,
    candidate: state.candidate,
    percent: state.percent,
    position: state.position,
    guardrails: json(state.guardrails),
    ramp: state.ramp === null ? null : rampPlanShape.json(state.ramp),
    ramp_step: state.rampStep,
    next_step_at: state.nextStepAt,
    tripped: state.tripped === null ? null : guardrailTripShape.json(state.tripped),
    updated_at: state.updatedAt,
  };
}

/** The run-order place of a flow deployed for the first time: after the others. */
export async function nextPosition(trx: Kysely<Database>): Promise<number> {
  const last = await trx
    .selectFrom('deployments')
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst();
  return last?.position === null || last?.position === undefined ? 0 : last.position + 1;
}
