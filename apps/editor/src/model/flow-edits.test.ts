import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { addNode, connect, copyNodes, moveNodes, pasteClip, removeElements, uniqueId, updateNode } from './flow-edits';

const empty: FlowDocument = { id: 'f', name: 'F', description: '', nodes: [], edges: [] };

function small(): FlowDocument {
  let doc = addNode(empty, 'ticket_created', { x: 0, y: 0 }).doc;
  doc = addNode(doc, 'text_contains', { x: 200, y: 0.4 }).doc;
  doc = addNode(doc, 'end', { x: 400, y: 0 }).doc;
  doc = connect(doc, 'ticket_created', 'next', 'text_contains');
  return connect(doc, 'text_contains', 'true', 'end');
}

describe('flow edits', () => {
  it('gives new nodes unique identifier ids and empty configs', () => {
    const first = addNode(empty, 'billing.suspend', { x: 1.6, y: 2 });
    const second = addNode(first.doc, 'billing.suspend', { x: 0, y: 0 });
    expect([first.id, second.id]).toEqual(['billing-suspend', 'billing-suspend-2']);
    expect(first.doc.nodes[0]).toEqual({ id: 'billing-suspend', type: 'billing.suspend', config: {}, position: { x: 2, y: 2 } });
    expect(uniqueId('--x', new Set())).toBe('x');
  });

  it('connects ports, one edge per port', () => {
    let doc = small();
    expect(doc.edges.map((e) => e.id)).toEqual(['ticket_created__next', 'text_contains__true']);
    doc = connect(doc, 'text_contains', 'true', 'ticket_created');
    expect(doc.edges.filter((e) => e.source === 'text_contains')).toEqual([
      { id: 'text_contains__true', source: 'text_contains', sourceHandle: 'true', target: 'ticket_created' },
    ]);
    expect(connect(doc, 'end', 'next', 'end')).toBe(doc);
  });

  it('removes nodes with their edges', () => {
    const doc = removeElements(small(), new Set(['text_contains']));
    expect(doc.nodes.map((n) => n.id)).toEqual(['ticket_created', 'end']);
    expect(doc.edges).toEqual([]);
    expect(removeElements(small(), new Set(), new Set(['ticket_created__next'])).edges).toHaveLength(1);
  });

  it('updates one node and moves others', () => {
    const doc = small();
    const updated = updateNode(doc, 'text_contains', { config: { keywords: ['物流'] } });
    expect(updated.nodes[1]!.config).toEqual({ keywords: ['物流'] });
    expect(updated.nodes[0]).toBe(doc.nodes[0]);
    const moved = moveNodes(doc, new Map([['end', { x: 10.2, y: 20.7 }]]));
    expect(moved.nodes[2]!.position).toEqual({ x: 10, y: 21 });
  });

  it('copies and pastes nodes with the edges between them, under fresh ids', () => {
    const doc = small();
    const clip = copyNodes(doc, new Set(['text_contains', 'end']));
    expect(clip.edges.map((e) => e.id)).toEqual(['text_contains__true']);
    const pasted = pasteClip(doc, clip);
    expect(pasted.ids).toEqual(['text_contains-2', 'end-2']);
    expect(pasted.doc.edges.at(-1)).toEqual({
      id: 'text_contains-2__true',
      source: 'text_contains-2',
      sourceHandle: 'true',
      target: 'end-2',
    });
    expect(pasted.doc.nodes.at(-1)!.position).toEqual({ x: 440, y: 40 });
  });
});
