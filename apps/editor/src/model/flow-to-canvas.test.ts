import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@switchyard/api';
import { type CanvasContext, toCanvasEdges, toCanvasNodes } from './flow-to-canvas';
import { updateNode } from './flow-edits';
import { DRAWN_SIZE } from './node-handles';

const entry = (type: string, kind: CatalogEntry['kind'], ports: string[]): CatalogEntry => ({
  type,
  version: 1,
  kind,
  title: { en: type, 'zh-CN': `中文 ${type}` },
  sideEffect: false,
  ports,
  configSchema: {},
});
const catalog = new Map([
  ['ticket_created', entry('ticket_created', 'trigger', ['next'])],
  ['text_contains', entry('text_contains', 'condition', ['true', 'false'])],
]);

const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [
    { id: 't', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'c', type: 'text_contains', label: '物流?', config: { keywords: ['物流', '快递', '包裹'] }, position: { x: 200, y: 0 } },
    { id: 'x', type: 'custom.thing', config: {}, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'c' },
    { id: 'e2', source: 'c', sourceHandle: 'case_a', target: 'x' },
  ],
};
const ctx: CanvasContext = { catalog, locale: 'zh-CN', selected: new Set(['c', 'e1']), problemsByNode: new Map([['c', ['bad']]]) };

describe('document to canvas', () => {
  it('draws nodes with title, kind, summary, ports and problems', () => {
    const [t, c, x] = toCanvasNodes(doc, ctx);
    expect(t!.data).toMatchObject({ title: '中文 ticket_created', kind: 'trigger', hasInput: false, ports: ['next'] });
    expect(c).toMatchObject({ id: 'c', type: 'flow', position: { x: 200, y: 0 }, selected: true });
    expect(c!.data).toMatchObject({
      title: '物流?',
      summary: '包含 物流, 快递 ...',
      ports: ['true', 'false', 'case_a'],
      problems: ['bad'],
    });
    expect(x!.data.kind).toBeUndefined();
    expect(x!.data.title).toBe('custom.thing');
  });

  it('carries the failures of the last 24 h of a node, and redraws a node whose count changed', () => {
    const before = toCanvasNodes(doc, { ...ctx, failuresByNode: new Map([['c', 2]]) });
    expect(before.map((n) => n.data.failures)).toEqual([undefined, 2, undefined]);
    const after = toCanvasNodes(doc, { ...ctx, failuresByNode: new Map([['c', 3]]) }, before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.data.failures).toBe(3);
  });

  it('keeps unchanged nodes and edges as the same objects', () => {
    const first = toCanvasNodes(doc, ctx);
    const changed = updateNode(doc, 'x', { label: 'renamed' });
    const second = toCanvasNodes(changed, ctx, first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    const edges = toCanvasEdges(doc, ctx);
    expect(toCanvasEdges(doc, ctx, edges)[0]).toBe(edges[0]);
  });

  it('gives each node its drawn size and handle places, until the browser measures another size', () => {
    const [t, c] = toCanvasNodes(doc, ctx);
    expect(t!.measured).toEqual(DRAWN_SIZE);
    expect(t!.handles?.map((h) => `${h.type}:${h.id ?? ''}`)).toEqual(['source:next']);
    expect(c!.handles?.map((h) => `${h.type}:${h.id ?? ''}`)).toEqual(['target:', 'source:true', 'source:false', 'source:case_a']);
    // Three ports share the inner width in equal columns, left to right.
    const xs = c!.handles?.filter((h) => h.type === 'source').map((h) => h.x + (h.width ?? 0) / 2);
    expect(xs).toEqual([1 + 182 / 6, 1 + 182 / 2, 1 + (182 * 5) / 6]);
    const measuredOtherwise = [t!, { ...c!, measured: { width: 200, height: 90 } }];
    const again = toCanvasNodes(updateNode(doc, 'c', { label: 'renamed' }), ctx, measuredOtherwise);
    expect(again[1]!.measured).toEqual({ width: 200, height: 90 });
    expect(again[1]!.handles).toBeUndefined();
  });

  it('draws edges from their ports, with counts and visits from a dry-run', () => {
    const edges = toCanvasEdges(doc, { ...ctx, visitedEdges: new Set(['e1']), branches: new Map([['t', { next: 3 }]]) });
    expect(edges[0]).toMatchObject({
      source: 't',
      sourceHandle: 'next',
      target: 'c',
      selected: true,
      data: { port: 'next', visited: true, count: 3 },
    });
    expect(edges[1]!.data).toEqual({ port: 'case_a', problems: [] });
  });
});
