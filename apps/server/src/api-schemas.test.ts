import * as api from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import { Agent, Group } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** What a schema accepts, as JSON Schema; an empty registry leaves out the component names the API's copies carry. */
function accepted(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: z.registry() });
}

/** A JSON Schema without its length limits: the API's copies add those at the HTTP boundary. */
function withoutLengthLimits(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutLengthLimits);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'maxLength' && key !== 'maxItems')
      .map(([key, value]) => [key, withoutLengthLimits(value)]),
  );
}

/*
 * @switchyard/api must stay browser-safe, so it re-declares a few bodies whose schemas live
 * in Node-side packages. These pin the copies to the originals.
 */
describe('the API schemas accept what the runtime accepts', () => {
  it('for groups and agents (whose openTickets the server counts rather than takes), but for length limits', () => {
    expect(withoutLengthLimits(accepted(api.Group))).toEqual(accepted(Group));
    expect(withoutLengthLimits(accepted(api.AgentInput))).toEqual(
      accepted(Agent.extend({ openTickets: Agent.shape.openTickets.unwrap().optional() })),
    );
    const long = 'x'.repeat(INPUT_LIMITS.id + 1);
    expect(api.Group.safeParse({ id: long, name: 'G' }).error?.issues[0]?.path).toEqual(['id']);
    expect(api.AgentInput.safeParse({ id: 'a', name: 'A', groups: [long] }).error?.issues[0]?.path).toEqual(['groups', 0]);
  });
});
