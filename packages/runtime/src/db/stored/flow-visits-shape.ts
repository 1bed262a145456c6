import { z } from 'zod';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/** `ticket_flows.visits`: how often each action node of the flow was entered, for idempotency keys. */
export const flowVisitsShape = defineStoredShape({
  name: 'flow-visits',
  version: 1,
  schema: z.record(z.string(), z.number().int().min(0)),
  migrations: [sameShape],
});
