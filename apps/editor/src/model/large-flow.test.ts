import { describe, expect, it } from 'vitest';
import { generateLargeFlow } from './large-flow';

describe('generateLargeFlow', () => {
  it('makes a flow of the asked size whose edges join existing nodes', () => {
    const doc = generateLargeFlow(500);
    expect(doc.nodes).toHaveLength(500);
    const ids = new Set(doc.nodes.map((n) => n.id));
    expect(ids.size).toBe(500);
    expect(doc.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });
});
