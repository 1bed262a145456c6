import { Guardrail, GuardrailTrip, RampPlan } from '@switchyard/api';
import { z } from 'zod';
import { defineStoredShape } from '../db/stored/stored-shape';
import { StoredDataError, storedIssues, type StoredAt } from '../db/stored/stored-data-error';

/** `deployments.ramp`: the ramp plan `{ steps, every }` (rows before versions were recorded are version 1 already). */
export const rampPlanShape = defineStoredShape({ name: 'deployment-ramp', version: 1, schema: RampPlan, migrations: [(v0) => v0] });

/** `deployments.tripped`: the guardrail trip that last rolled the candidate back. */
export const guardrailTripShape = defineStoredShape({ name: 'guardrail-trip', version: 1, schema: GuardrailTrip, migrations: [(v0) => v0] });

/** `deployments.guardrails`: a plain JSON array of guardrails (an array has no room for a version key; its schema reads every row written so far). */
export const DeploymentGuardrails = z.array(Guardrail);

/**
 * A plain JSON column's value parsed by its schema, or a `StoredDataError` naming the table,
 * the row and the field: for columns without a stored shape (arrays, records).
 */
export function readJsonColumn<T>(schema: z.ZodType<T>, name: string, value: unknown, at: StoredAt): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredDataError(at, name, storedIssues(parsed.error.issues));
  return parsed.data;
}
