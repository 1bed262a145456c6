import { compileFlow } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { prepareFlows } from './prepared-flow';
import { usesBusinessTime } from './uses-business-time';

const registry = createNodeRegistry(builtinNodes);
const flowWaiting = (config: Record<string, unknown>) =>
  compileFlow(
    {
      id: 'f',
      name: 'F',
      nodes: [
        { id: 'start', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
        { id: 'wait', type: 'delay', config, position: { x: 0, y: 100 } },
        { id: 'end', type: 'end', config: {}, position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: 'a', source: 'start', sourceHandle: 'next', target: 'wait' },
        { id: 'b', source: 'wait', sourceHandle: 'next', target: 'end' },
      ],
    },
    registry,
  );

describe('usesBusinessTime', () => {
  it('is true only when a wait counts business time', () => {
    expect(usesBusinessTime(prepareFlows([flowWaiting({ duration: '8h', clock: 'business' })], registry))).toBe(true);
    expect(usesBusinessTime(prepareFlows([flowWaiting({ duration: '8h' })], registry))).toBe(false);
  });
});
