import { z } from 'zod';
import { ErrorBody } from './error-body';
import { RolloutConflict } from './rollout';

/**
 * The 409 of promote, roll back and migrate: a `RolloutConflict` when the deployment changed
 * since `revision`, or a plain `ErrorBody` when the change cannot apply (no candidate, a ticket
 * resting where the new version has no counterpart).
 */
export const RolloutRefusal = z.union([RolloutConflict, ErrorBody]).meta({ id: 'RolloutRefusal' });
export type RolloutRefusal = z.infer<typeof RolloutRefusal>;
