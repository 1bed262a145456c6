import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

export const EffectStatus = z.enum(['pending', 'running', 'done', 'dead']).meta({ id: 'EffectStatus' });

/** GET /api/runtime/stats: how much work waits, how late the oldest is, and what was given up. */
export const RuntimeStats = z
  .object({
    at: z.iso.datetime({ offset: true }),
    ticketsDue: z.number().int(),
    /** How long the oldest due ticket has waited (ms): rising lag means too few workers. */
    lagMs: z.number().int(),
    eventsPending: z.number().int(),
    timersScheduled: z.number().int(),
    effects: z.object({ pending: z.number().int(), running: z.number().int(), done: z.number().int(), dead: z.number().int() }),
  })
  .meta({ id: 'RuntimeStats' });
export type RuntimeStats = z.infer<typeof RuntimeStats>;

/** One side effect of GET /api/effects (`?status=dead` is the dead-letter list). */
export const EffectView = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    flowId: z.string(),
    version: z.number().int(),
    nodeId: z.string(),
    idempotencyKey: z.string(),
    status: EffectStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime({ offset: true }),
    createdAt: z.iso.datetime({ offset: true }),
    doneAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'EffectView' });
export type EffectView = z.infer<typeof EffectView>;
export const EffectList = z.array(EffectView);

/** GET /api/effects filters; all optional. Newest first. */
export const EffectQuery = z.strictObject({
  status: EffectStatus.optional().meta({ example: 'dead' }),
  ticket: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: '0b9f3c2e-6a51-4c36-9a57-1d1c3f0e7a42' }),
  /** Only the effects of this flow's nodes. */
  flow: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'complaint-billing' }),
  /** Only effects created at or after this moment (the editor asks for the last 24 h). */
  since: z.iso.datetime({ offset: true }).optional().meta({ example: '2026-05-01T09:00:00+08:00' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ example: 100 }),
});
