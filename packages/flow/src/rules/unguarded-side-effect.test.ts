import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic } from '../diagnostic';
import type { FlowDocumentInput } from '../flow-document';
import type { NodeCatalog, NodeSpec } from '../node-kind';
import { validateFlow } from '../validate-flow';

const specs: readonly NodeSpec[] = [
  { type: 'ticket_created', kind: 'trigger', config: z.strictObject({}), ports: () => ['next'] },
  {
    type: 'http',
    kind: 'action',
    title: { en: 'HTTP request', 'zh-CN': 'HTTP 请求' },
    config: z.strictObject({}),
    ports: () => ['next', 'error'],
    sideEffect: true,
  },
  { type: 'set_priority', kind: 'action', config: z.strictObject({}), ports: () => ['next', 'error'] },
  { type: 'end', kind: 'end', config: z.strictObject({}), ports: () => [] },
];
const catalog: NodeCatalog = { get: (type) => specs.find((s) => s.type === type) };

/** trigger → call (→ end), with or without an edge on the call's error port. */
const flow = (options: { errorBranch: boolean; label?: string; type?: string }): FlowDocumentInput => ({
  id: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'call', type: options.type ?? 'http', ...(options.label ? { label: options.label } : {}) },
    { id: 'done', type: 'end' },
    ...(options.errorBranch ? [{ id: 'sorry', type: 'end' }] : []),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', sourceHandle: 'next', target: 'done' },
    ...(options.errorBranch ? [{ id: 'e3', source: 'call', sourceHandle: 'error', target: 'sorry' }] : []),
  ],
});

const unguarded = (doc: FlowDocumentInput) => validateFlow(doc, catalog).diagnostics.filter((d) => d.code === 'unguarded_side_effect');

describe('a side-effecting action without an error branch', () => {
  it('is a warning naming the node by its label, in English and in Chinese', () => {
    const found = unguarded(flow({ errorBranch: false, label: '查询物流 Track parcel' }));
    expect(found).toHaveLength(1);
    const [warning] = found;
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'call', params: { port: 'error' } });
    if (!warning) throw new Error('no warning');
    expect(formatDiagnostic(warning, 'en')).toBe(
      '"查询物流 Track parcel" (call) calls outside Switchyard and has no error branch: if it fails for good, the customer gets nothing. ' +
        'Wire its "error" port (to a reply, a note or a hand-off to an agent).',
    );
    expect(formatDiagnostic(warning, 'zh-CN')).toBe(
      '「查询物流 Track parcel」（call）会调用外部系统，但没有错误分支：一旦最终失败，客户将收不到任何回复。请连接它的“错误”端口（回复客户、添加备注或转人工）。',
    );
  });

  it("names an unlabelled node by its type's title", () => {
    const [warning] = unguarded(flow({ errorBranch: false }));
    if (!warning) throw new Error('no warning');
    expect(warning.message).toContain('"HTTP request"');
    expect(formatDiagnostic(warning, 'zh-CN')).toContain('「HTTP 请求」');
  });

  it('is silent once the error port is wired, and for actions that stay inside Switchyard', () => {
    expect(unguarded(flow({ errorBranch: true }))).toEqual([]);
    expect(unguarded(flow({ errorBranch: false, type: 'set_priority' }))).toEqual([]);
  });

  it('does not stop the flow from publishing (a warning, not an error)', () => {
    const result = validateFlow(flow({ errorBranch: false }), catalog);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
