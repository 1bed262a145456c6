import type { StateValue } from 'xstate';
import { z } from 'zod';
import type { TimerFirings } from '../../engine/timer-loop-guard';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/** A flow's snapshot as stored: its state and context, enough to resolve it again. */
export interface PersistedSnapshot {
  readonly value: StateValue;
  readonly context: { readonly vars: Record<string, unknown> };
  /** Its timer firings so far, so a loop is stopped across transactions; absent in snapshots stored before they were counted. */
  readonly timerFirings?: TimerFirings;
}

const StateValueSchema: z.ZodType<StateValue> = z.union([
  z.string(),
  z.record(
    z.string(),
    z.lazy(() => StateValueSchema),
  ),
]);

const PersistedSnapshotSchema: z.ZodType<PersistedSnapshot> = z.object({
  value: StateValueSchema,
  context: z.object({ vars: z.record(z.string(), z.unknown()) }),
  timerFirings: z.object({ at: z.number(), atOnce: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
});

/** `ticket_flows.snapshot`: where a ticket's run of one flow rests (null until it first moves). */
export const flowSnapshotShape = defineStoredShape({
  name: 'flow-snapshot',
  version: 1,
  schema: PersistedSnapshotSchema,
  migrations: [sameShape],
});
