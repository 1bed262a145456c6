import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

/** A secret's name: upper-case with underscores, as nodes declare it (`BILLING_API_KEY`). */
export const SecretName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'use UPPER_SNAKE_CASE: A-Z, digits and "_", starting with a letter, at most 100 characters')
  .meta({ id: 'SecretName' });

/** PUT /api/secrets/:name. The value is write-only: no answer ever carries it. */
export const PutSecretRequest = z.strictObject({ value: z.string().min(1).max(INPUT_LIMITS.secret) }).meta({ id: 'PutSecretRequest' });
export type PutSecretRequest = z.infer<typeof PutSecretRequest>;

/** A secret as GET /api/secrets shows it: where it comes from and who needs it, never its value. */
export const SecretView = z
  .object({
    name: z.string(),
    /** Whether a value is available to nodes. */
    set: z.boolean(),
    /** `table` (set through the API; wins over the environment), `env` (SWITCHYARD_SECRET_<NAME>), or null when unset. */
    source: z.enum(['table', 'env']).nullable(),
    /** Table values only: stored encrypted (SWITCHYARD_SECRETS_KEY was set when saved). */
    encrypted: z.boolean().nullable(),
    updatedAt: z.string().nullable(),
    /** Installed node types that declare it. */
    usedBy: z.array(z.string()),
  })
  .meta({ id: 'SecretView' });
export type SecretView = z.infer<typeof SecretView>;
export const SecretList = z.array(SecretView);
