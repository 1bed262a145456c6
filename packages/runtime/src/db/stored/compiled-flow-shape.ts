import type { CompiledFlow, MachineJson, Ref, StateConfig, TransitionConfig } from '@switchyard/compiler';
import { NodeKind } from '@switchyard/flow';
import { z } from 'zod';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

const RefSchema = z.object({ type: z.string(), params: z.record(z.string(), z.unknown()).optional() }) satisfies z.ZodType<Ref>;
const TransitionSchema = z.object({
  target: z.string(),
  guard: RefSchema.optional(),
  actions: z.array(RefSchema).optional(),
  reenter: z.boolean().optional(),
}) satisfies z.ZodType<TransitionConfig>;
const TransitionsSchema = z.record(z.string(), z.array(TransitionSchema));
const StateSchema = z.object({
  entry: z.array(RefSchema).optional(),
  always: z.array(TransitionSchema).optional(),
  on: TransitionsSchema.optional(),
  after: TransitionsSchema.optional(),
}) satisfies z.ZodType<StateConfig>;
const MachineSchema = z.object({
  id: z.string(),
  initial: z.string(),
  context: z.object({ vars: z.record(z.string(), z.unknown()) }),
  states: z.record(z.string(), StateSchema),
}) satisfies z.ZodType<MachineJson>;

const CompiledFlowSchema: z.ZodType<CompiledFlow> = z.object({
  id: z.string(),
  name: z.string(),
  machine: MachineSchema,
  // A node's config is the parsed output of its own schema; the node parses it again when it runs.
  // JSON drops an undefined config: it comes back absent and is put back as undefined.
  nodes: z.record(
    z.string(),
    z
      .object({ type: z.string(), version: z.number().int(), kind: NodeKind, config: z.unknown().optional() })
      .transform(({ config, ...node }) => ({ ...node, config })),
  ),
  triggerEvents: z.array(z.string()),
});

/** `flow_versions.compiled`: the machine JSON and node configs a published version runs (`CompiledFlow`). */
export const compiledFlowShape = defineStoredShape({
  name: 'compiled-flow',
  version: 1,
  schema: CompiledFlowSchema,
  migrations: [sameShape],
});
