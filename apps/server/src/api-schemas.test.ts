import * as api from '@switchyard/api';
import { Agent, Group } from '@switchyard/nodes';
import { NewFlow } from '@switchyard/runtime';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** What a schema accepts, as JSON Schema; an empty registry leaves out the component names the API's copies carry. */
function accepted(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: z.registry() });
}

/*
 * @switchyard/api must stay browser-safe, so it re-declares a few bodies whose schemas live
 * in Node-side packages. These pin the copies to the originals.
 */
describe('the API schemas accept what the runtime accepts', () => {
  it('for a new flow', () => {
    expect(accepted(api.CreateFlowRequest)).toEqual(accepted(NewFlow));
  });

  it('for groups and agents (whose openTickets the server counts rather than takes)', () => {
    expect(accepted(api.Group)).toEqual(accepted(Group));
    expect(accepted(api.AgentInput)).toEqual(accepted(Agent.extend({ openTickets: Agent.shape.openTickets.unwrap().optional() })));
  });
});
