import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import type { DryRunResult } from '@switchyard/api';
import { branchCounts, compareRuns, visitedElements } from './dry-run-summary';

const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'c' },
    { id: 'e2', source: 'c', sourceHandle: 'true', target: 'a' },
    { id: 'e3', source: 'c', sourceHandle: 'false', target: 'end' },
  ],
};

const result = (ticketId: string, path: string[], priority = 'normal'): DryRunResult => ({
  ticketId,
  path,
  actions: path.includes('a') ? [{ at: '+0', flow: 'f', node: 'a', type: 'set_priority', params: { priority } }] : [],
  final: {
    status: 'new',
    priority: priority === 'high' ? 'high' : priority === 'urgent' ? 'urgent' : 'normal',
    category: null,
    subcategory: null,
    group: null,
    assignee: null,
    tags: [],
    flags: [],
    subcategory: null,
  },
  errors: [],
  paths: { f: path },
});

describe('dry-run summary', () => {
  it('counts the branch each run took', () => {
    const counts = branchCounts(doc, [result('1', ['t', 'c', 'a']), result('2', ['t', 'c', 'end']), result('3', ['t', 'c', 'a'])]);
    expect(counts.get('c')).toEqual({ true: 2, false: 1 });
    expect(counts.get('t')).toEqual({ next: 3 });
  });

  it('reads the path of this flow when runs span several flows', () => {
    const other = { ...result('1', ['x', 't', 'c', 'a']), paths: { f: ['t', 'c', 'a'], g: ['x'] } };
    const visited = visitedElements(doc, [other]);
    expect([...visited.nodes]).toEqual(['t', 'c', 'a']);
    expect([...visited.edges]).toEqual(['e1', 'e2']);
  });

  it('lists tickets whose outcome differs first', () => {
    const left = [result('1', ['t', 'c', 'a'], 'high'), result('2', ['t', 'c', 'end']), result('3', ['t', 'c', 'a'], 'high')];
    const right = [result('1', ['t', 'c', 'a'], 'high'), result('2', ['t', 'c', 'end']), result('3', ['t', 'c', 'a'], 'urgent')];
    const rows = compareRuns(left, right);
    expect(rows.map((r) => [r.ticketId, r.differs])).toEqual([
      ['3', true],
      ['1', false],
      ['2', false],
    ]);
  });

  it('counts a ticket run on one side only as different', () => {
    expect(compareRuns([result('1', ['t'])], [])[0]).toMatchObject({ ticketId: '1', differs: true });
  });
});
