import { builtinNodes } from '@switchyard/nodes';
import { createApiClient } from '@switchyard/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EditorSession, startEditorSession } from '../../apps/editor/e2e/editor-session';
import { waitForExpression } from '../../apps/editor/e2e/wait-for-expression';
import { DRAWN_SIZE, nodeHandles } from '../../apps/editor/src/model/node-handles';

/*
 * The editor hands React Flow each node's size and handle places before drawing it
 * (node-handles.ts), so a 500-node flow opens drawing only what is on screen. Those figures must be
 * what the browser draws, or edges would start beside their ports: every built-in node kind, with a
 * label long enough to take two lines, is measured in the page, in English and in Chinese.
 */
/** Half a flow pixel: the browser lays out in fractions of a pixel. */
const TOLERANCE = 0.5;

interface DrawnHandle {
  readonly type: 'source' | 'target';
  readonly id: string | null;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
interface DrawnNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly handles: DrawnHandle[];
}

/** Each drawn node's size and its handles' boxes relative to it, in flow pixels (divided by the zoom). */
const MEASURE = `(() => {
  const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
  return [...document.querySelectorAll('.react-flow__node')].map((node) => {
    const box = node.getBoundingClientRect();
    return {
      id: node.dataset.id,
      width: node.offsetWidth,
      height: node.offsetHeight,
      handles: [...node.querySelectorAll('.react-flow__handle')].map((handle) => {
        const at = handle.getBoundingClientRect();
        return {
          type: handle.classList.contains('source') ? 'source' : 'target',
          id: handle.dataset.handleid || null,
          x: (at.left - box.left) / zoom,
          y: (at.top - box.top) / zoom,
          width: handle.offsetWidth,
          height: handle.offsetHeight,
        };
      }),
    };
  });
})()`;

describe.each(['en-US', 'zh-CN'] as const)('node geometry given to React Flow, %s', (locale) => {
  let session: EditorSession | undefined;
  let flowId = '';

  beforeAll(async () => {
    session = await startEditorSession({
      locale,
      prepare: async (server) => {
        const api = createApiClient({ baseUrl: server.url, headers: { authorization: `Bearer ${server.admin.token}` } });
        const created = await api.createFlow('Geometry', {
          id: `geometry-${locale}`,
          name: 'Geometry',
          nodes: builtinNodes.map((def, i) => ({
            id: `n${i}`,
            type: def.type,
            // Bilingual labels take two lines of the title: the node keeps its size.
            ...(i % 2 ? { label: '升级主管并通知值班经理 Escalate to the on-call manager' } : {}),
            position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 160 },
          })),
          edges: [],
        });
        flowId = created.id;
      },
    });
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  it('draws every node kind at the size and with the handle places the editor gives', { timeout: 120_000 }, async () => {
    if (!session) throw new Error('no session');
    const { page } = session.editor;
    await page.goto(`${session.server.url}/#/flows/${flowId}`);
    await page.getByTestId('flow-editor').waitFor();
    await waitForExpression(page, `document.querySelectorAll('.react-flow__node').length === ${builtinNodes.length}`);
    const drawn = await page.evaluate<DrawnNode[]>(MEASURE);
    expect(drawn).toHaveLength(builtinNodes.length);
    const counts = new Set<number>();
    for (const node of drawn) {
      expect({ id: node.id, width: node.width, height: node.height }).toEqual({ id: node.id, ...DRAWN_SIZE });
      const ports = node.handles.filter((h) => h.type === 'source').map((h) => h.id ?? '');
      counts.add(ports.length);
      const given = nodeHandles(
        ports,
        node.handles.some((h) => h.type === 'target'),
      );
      expect(node.handles.map((h) => `${h.type}:${h.id ?? ''}`).sort(), node.id).toEqual(
        given.map((h) => `${h.type}:${h.id ?? ''}`).sort(),
      );
      for (const handle of given) {
        const seen = node.handles.find((h) => h.type === handle.type && h.id === handle.id);
        const where = `${node.id} ${handle.type} ${handle.id ?? ''}`;
        expect(Math.abs((seen?.x ?? NaN) - handle.x), `${where} x ${seen?.x} vs ${handle.x}`).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs((seen?.y ?? NaN) - handle.y), `${where} y ${seen?.y} vs ${handle.y}`).toBeLessThanOrEqual(TOLERANCE);
        expect([seen?.width, seen?.height], where).toEqual([handle.width, handle.height]);
      }
    }
    // The kinds cover nodes without outputs (end) and with one, two and more ports.
    expect([...counts].sort()).toEqual(expect.arrayContaining([0, 1, 2]));
  });
});
