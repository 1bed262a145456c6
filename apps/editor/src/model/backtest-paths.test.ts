import type { FlowDocument } from '@switchyard/flow';
import type { DryRunResult } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { pathSides } from './backtest-paths';

const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'c' },
    { id: 'e2', source: 'c', sourceHandle: 'true', target: 'a' },
    { id: 'e3', source: 'c', sourceHandle: 'false', target: 'b' },
  ],
};
const run = (path: string[], paths: Record<string, string[]> = {}): DryRunResult => ({
  ticketId: 't1',
  path,
  actions: [],
  final: { status: 'new', priority: 'normal', category: null, subcategory: null, group: null, assignee: null, tags: [], flags: [] },
  errors: [],
  paths,
});

describe('pathSides', () => {
  it('marks what both replays walked, and what only one did', () => {
    const sides = pathSides(doc, run(['t', 'c', 'a']), run(['t', 'c', 'b']));
    expect(Object.fromEntries(sides.nodes)).toEqual({ t: 'both', c: 'both', a: 'baseline', b: 'candidate' });
    expect(Object.fromEntries(sides.edges)).toEqual({ e1: 'both', e2: 'baseline', e3: 'candidate' });
  });

  it("reads this flow's part of a path run with other flows, and lights no edge for steps the document lacks", () => {
    const sides = pathSides(doc, run(['x', 't', 'c'], { f: ['t', 'c'] }), run(['t', 'gone']));
    expect(Object.fromEntries(sides.nodes)).toEqual({ t: 'both', c: 'baseline', gone: 'candidate' });
    expect(Object.fromEntries(sides.edges)).toEqual({ e1: 'baseline' });
  });
});
