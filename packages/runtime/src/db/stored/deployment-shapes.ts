import { GuardrailTrip, RampPlan } from '@switchyard/api';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/** `deployments.ramp`: the ramp plan `{ steps, every }`. */
export const rampPlanShape = defineStoredShape({ name: 'deployment-ramp', version: 1, schema: RampPlan, migrations: [sameShape] });

/** `deployments.tripped`: the guardrail trip that last rolled the candidate back. */
export const guardrailTripShape = defineStoredShape({ name: 'guardrail-trip', version: 1, schema: GuardrailTrip, migrations: [sameShape] });
