import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Diagnostic, formatDiagnostic } from './diagnostic';
import { bilingual } from './localized-message';
import type { FlowDocumentInput } from './flow-document';
import { INPUT_LIMITS } from './input-limits';
import type { NodeCatalog, NodeKind, NodeSpec } from './node-kind';
import { validateFlow } from './validate-flow';

/*
 * A catalog of stand-in node types with the same port rules as the built-ins: the flow
 * model knows nodes only through NodeSpec, so it is tested without the node package.
 */
function spec(type: string, kind: NodeKind, config: z.ZodType, ports: readonly string[]): NodeSpec {
  return { type, kind, config, ports: () => ports };
}

const specs: readonly NodeSpec[] = [
  spec('ticket_created', 'trigger', z.strictObject({}), ['next']),
  spec('text_contains', 'condition', z.strictObject({ keywords: z.array(z.string().min(1)).min(1) }), ['true', 'false']),
  spec('set_priority', 'action', z.strictObject({ priority: z.enum(['urgent', 'high', 'normal']).default('normal') }), ['next', 'error']),
  spec('wait_for_event', 'wait', z.strictObject({ timeout: z.string().default('15m') }), ['event', 'timeout']),
  spec('delay', 'wait', z.strictObject({ duration: z.string() }), ['next']),
  spec('end', 'end', z.strictObject({}), []),
];
const catalog: NodeCatalog = { get: (type) => specs.find((s) => s.type === type) };

/** trigger -> condition -> (true: action -> end, false: end) */
function soundFlow(): FlowDocumentInput {
  return {
    id: 'intake',
    name: '工单分类',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'isLogistics', type: 'text_contains', config: { keywords: ['物流'] } },
      { id: 'raise', type: 'set_priority' },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'isLogistics' },
      { id: 'e2', source: 'isLogistics', sourceHandle: 'true', target: 'raise' },
      { id: 'e3', source: 'isLogistics', sourceHandle: 'false', target: 'done' },
      { id: 'e4', source: 'raise', target: 'done' },
    ],
  };
}

/** The parts of a diagnostic a test names: code plus whatever it points at. */
function where(d: Diagnostic): Pick<Diagnostic, 'code' | 'nodeId' | 'edgeId' | 'field'> {
  return {
    code: d.code,
    ...(d.nodeId === undefined ? {} : { nodeId: d.nodeId }),
    ...(d.edgeId === undefined ? {} : { edgeId: d.edgeId }),
    ...(d.field === undefined ? {} : { field: d.field }),
  };
}

function diagnosticsOf(doc: unknown): Pick<Diagnostic, 'code' | 'nodeId' | 'edgeId' | 'field'>[] {
  return validateFlow(doc, catalog).diagnostics.map(where);
}

/** A chain trigger -> a1 -> a2 -> ... -> a(n-1). */
function chain(length: number): FlowDocumentInput {
  const nodes = [
    { id: 'start', type: 'ticket_created' },
    ...Array.from({ length: length - 1 }, (_, i) => ({ id: `a${i + 1}`, type: 'set_priority' })),
  ];
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: node.id }));
  return { id: 'long', name: 'long chain', nodes, edges };
}

describe('validateFlow', () => {
  it('accepts a sound flow and returns it with every config parsed (defaults applied)', () => {
    const result = validateFlow(soundFlow(), catalog);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.document?.nodes.find((n) => n.id === 'raise')?.config).toEqual({ priority: 'normal' });
    expect(result.document?.nodes.find((n) => n.id === 'start')?.position).toEqual({ x: 0, y: 0 });
    expect(result.document?.edges[0]?.sourceHandle).toBe('next');
    expect(result.document?.description).toBe('');
  });

  describe('document shape', () => {
    it('names the field of a node without an id, and no node id since there is none', () => {
      const doc = soundFlow();
      const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'isLogistics' ? { type: n.type, config: n.config } : n)) };
      const result = validateFlow(broken, catalog);
      expect(result.ok).toBe(false);
      expect(result.document).toBeUndefined();
      expect(result.diagnostics.map(where)).toEqual([{ code: 'invalid_document', field: 'nodes.1.id' }]);
    });

    it('names the node when the broken node has an id, and the edge for a broken edge', () => {
      const doc = soundFlow();
      const broken = {
        ...doc,
        nodes: doc.nodes.map((n) => (n.id === 'raise' ? { id: 'raise', type: 42 } : n)),
        edges: doc.edges.map((e) => (e.id === 'e4' ? { ...e, colour: 'red' } : e)),
      };
      expect(diagnosticsOf(broken)).toEqual([
        { code: 'invalid_document', nodeId: 'raise', field: 'nodes.2.type' },
        { code: 'invalid_document', edgeId: 'e4', field: 'edges.3' },
      ]);
    });

    it('refuses a text in a node config over the limit, naming the node and the path inside the config', () => {
      const doc = soundFlow();
      const long = 'x'.repeat(INPUT_LIMITS.configText + 1);
      const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'isLogistics' ? { ...n, config: { keywords: ['物流', long] } } : n)) };
      expect(diagnosticsOf(broken)).toEqual([{ code: 'invalid_document', nodeId: 'isLogistics', field: 'nodes.1.config.keywords.1' }]);
      const atLimit = {
        ...doc,
        nodes: doc.nodes.map((n) => (n.id === 'isLogistics' ? { ...n, config: { keywords: [long.slice(1)] } } : n)),
      };
      expect(validateFlow(atLimit, catalog).ok).toBe(true);
    });

    it('refuses ids that cannot become state keys', () => {
      const doc = soundFlow();
      doc.nodes[3] = { id: 'done.now', type: 'end' };
      expect(diagnosticsOf(doc)).toEqual([{ code: 'invalid_document', nodeId: 'done.now', field: 'nodes.3.id' }]);
    });

    it('reports a document that is not an object at all', () => {
      expect(diagnosticsOf('flow')).toEqual([{ code: 'invalid_document', field: '' }]);
    });
  });

  describe('nodes', () => {
    it('reports an unknown node type on the node and its type field', () => {
      const doc = soundFlow();
      doc.nodes[2] = { id: 'raise', type: 'set_priority_v9' };
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'unknown_node_type', nodeId: 'raise', field: 'type' }]);
      expect(result.diagnostics[0]?.params).toEqual({ type: 'set_priority_v9' });
    });

    it('reports a config that fails the node schema with the path inside the config', () => {
      const doc = soundFlow();
      doc.nodes[1] = { id: 'isLogistics', type: 'text_contains', config: { keywords: [] } };
      expect(diagnosticsOf(doc)).toEqual([{ code: 'invalid_config', nodeId: 'isLogistics', field: 'config.keywords' }]);
    });

    it('reports a missing required config field with its path', () => {
      const doc = soundFlow();
      doc.nodes[1] = { id: 'isLogistics', type: 'text_contains' };
      expect(diagnosticsOf(doc)).toEqual([{ code: 'invalid_config', nodeId: 'isLogistics', field: 'config.keywords' }]);
    });

    it('reports a duplicate node id', () => {
      const doc = soundFlow();
      doc.nodes.push({ id: 'raise', type: 'end' });
      expect(diagnosticsOf(doc)).toEqual([{ code: 'duplicate_node_id', nodeId: 'raise' }]);
    });
  });

  describe('edges', () => {
    it('reports a duplicate edge id', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'e2', source: 'raise', sourceHandle: 'error', target: 'done' });
      expect(diagnosticsOf(doc)).toEqual([{ code: 'duplicate_edge_id', edgeId: 'e2' }]);
    });

    it('reports a dangling edge at its source or its target', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'fromNowhere', source: 'ghost', target: 'done' });
      doc.edges.push({ id: 'toNowhere', source: 'raise', sourceHandle: 'error', target: 'phantom' });
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([
        { code: 'dangling_edge', edgeId: 'fromNowhere', field: 'source' },
        { code: 'dangling_edge', edgeId: 'toNowhere', field: 'target' },
      ]);
      expect(result.diagnostics.map((d) => d.params?.missing)).toEqual(['ghost', 'phantom']);
    });

    it('reports a port the source node does not have', () => {
      const doc = soundFlow();
      doc.edges[3] = { id: 'e4', source: 'raise', sourceHandle: 'timeout', target: 'done' };
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'unknown_port', nodeId: 'raise', edgeId: 'e4', field: 'sourceHandle' }]);
      expect(result.diagnostics[0]?.message).toContain('next, error');
    });

    it('reports an edge repeated between the same ports', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'e4bis', source: 'raise', target: 'done' });
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'duplicate_edge', nodeId: 'raise', edgeId: 'e4bis' }]);
      expect(result.diagnostics[0]?.params).toEqual({ port: 'next', other: 'e4' });
    });

    it('reports a port connected to two different nodes', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'e5', source: 'isLogistics', sourceHandle: 'true', target: 'done' });
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'port_already_connected', nodeId: 'isLogistics', edgeId: 'e5' }]);
      expect(result.diagnostics[0]?.params).toEqual({ port: 'true', other: 'e2' });
    });

    it('reports an edge into a trigger, naming the trigger', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'back', source: 'raise', sourceHandle: 'error', target: 'start' });
      expect(diagnosticsOf(doc)).toEqual([{ code: 'edge_into_trigger', nodeId: 'start', edgeId: 'back' }]);
    });
  });

  describe('graph', () => {
    it('reports a condition branch without an edge', () => {
      const doc = soundFlow();
      doc.edges = doc.edges.filter((e) => e.id !== 'e3');
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'missing_branch', nodeId: 'isLogistics' }]);
      expect(result.diagnostics[0]?.params).toEqual({ port: 'false' });
    });

    it('reports a node no trigger reaches', () => {
      const doc = soundFlow();
      doc.nodes.push({ id: 'orphan', type: 'set_priority', config: { priority: 'high' } });
      expect(diagnosticsOf(doc)).toEqual([{ code: 'unreachable_node', nodeId: 'orphan' }]);
    });

    it('reports a flow without a trigger (and not every node as unreachable)', () => {
      const doc = soundFlow();
      doc.nodes = doc.nodes.filter((n) => n.id !== 'start');
      doc.edges = doc.edges.filter((e) => e.source !== 'start');
      expect(diagnosticsOf(doc)).toEqual([{ code: 'no_trigger' }]);
    });

    it('reports a loop without a wait, naming its first node and every member', () => {
      const doc = soundFlow();
      // raise.error -> isLogistics closes a loop isLogistics -> raise -> isLogistics
      doc.edges.push({ id: 'retry', source: 'raise', sourceHandle: 'error', target: 'isLogistics' });
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'cycle_without_wait', nodeId: 'isLogistics' }]);
      expect(result.diagnostics[0]?.params).toEqual({ nodes: 'isLogistics -> raise' });
    });

    it('reports a node wired to itself as a loop', () => {
      const doc = soundFlow();
      doc.edges.push({ id: 'self', source: 'raise', sourceHandle: 'error', target: 'raise' });
      expect(diagnosticsOf(doc)).toEqual([{ code: 'cycle_without_wait', nodeId: 'raise' }]);
    });

    it('reports a loop without a wait beside a loop with one, in the same component (it was accepted, and compiling it overflowed the stack: bug)', () => {
      const doc = soundFlow();
      doc.nodes.push({ id: 'isUrgent', type: 'text_contains', config: { keywords: ['urgent'] } });
      doc.nodes.push({ id: 'pause', type: 'delay', config: { duration: '1h' } });
      // isLogistics.true -> raise; raise.error -> isUrgent; isUrgent.true -> isLogistics (no wait), isUrgent.false -> pause -> isLogistics
      doc.edges.push({ id: 'retry', source: 'raise', sourceHandle: 'error', target: 'isUrgent' });
      doc.edges.push({ id: 'now', source: 'isUrgent', sourceHandle: 'true', target: 'isLogistics' });
      doc.edges.push({ id: 'later', source: 'isUrgent', sourceHandle: 'false', target: 'pause' });
      doc.edges.push({ id: 'back', source: 'pause', target: 'isLogistics' });
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics.map(where)).toEqual([{ code: 'cycle_without_wait', nodeId: 'isLogistics' }]);
      expect(result.diagnostics[0]?.params).toEqual({ nodes: 'isLogistics -> raise -> isUrgent' });
    });

    it('accepts a loop that passes through a wait (a reminder every 15 minutes)', () => {
      const doc: FlowDocumentInput = {
        id: 'remind',
        name: 'reminder loop',
        nodes: [
          { id: 'start', type: 'ticket_created' },
          { id: 'waitReply', type: 'wait_for_event' },
          { id: 'nudge', type: 'set_priority', config: { priority: 'high' } },
          { id: 'done', type: 'end' },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'waitReply' },
          { id: 'e2', source: 'waitReply', sourceHandle: 'event', target: 'done' },
          { id: 'e3', source: 'waitReply', sourceHandle: 'timeout', target: 'nudge' },
          { id: 'e4', source: 'nudge', target: 'waitReply' },
        ],
      };
      const result = validateFlow(doc, catalog);
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
    });
  });

  it('returns every problem of a flow at once', () => {
    const doc = soundFlow();
    doc.nodes[1] = { id: 'isLogistics', type: 'text_contains', config: { keywords: [] } };
    doc.nodes.push({ id: 'mystery', type: 'no_such_node' });
    doc.nodes.push({ id: 'orphan', type: 'end' });
    doc.edges = doc.edges.filter((e) => e.id !== 'e3');
    doc.edges.push({ id: 'e2', source: 'raise', sourceHandle: 'error', target: 'done' });
    doc.edges.push({ id: 'lost', source: 'raise', sourceHandle: 'error', target: 'nowhere' });
    doc.edges.push({ id: 'bad', source: 'raise', sourceHandle: 'maybe', target: 'done' });
    doc.edges.push({ id: 'mystery-in', source: 'raise', sourceHandle: 'error', target: 'mystery' });
    const result = validateFlow(doc, catalog);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(where)).toEqual(
      expect.arrayContaining([
        { code: 'invalid_config', nodeId: 'isLogistics', field: 'config.keywords' },
        { code: 'unknown_node_type', nodeId: 'mystery', field: 'type' },
        { code: 'duplicate_edge_id', edgeId: 'e2' },
        { code: 'dangling_edge', edgeId: 'lost', field: 'target' },
        { code: 'unknown_port', nodeId: 'raise', edgeId: 'bad', field: 'sourceHandle' },
        { code: 'unreachable_node', nodeId: 'orphan' },
      ]),
    );
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(6);
  });

  it('does not report the nodes after an unknown node type as unreachable (bug: its edges were dropped)', () => {
    const doc = soundFlow();
    doc.nodes[1] = { id: 'isLogistics', type: 'text_contains_v2', config: { keywords: ['物流'] } };
    expect(diagnosticsOf(doc)).toEqual([{ code: 'unknown_node_type', nodeId: 'isLogistics', field: 'type' }]);
  });

  it('does not call a loop through an unknown node type a loop without a wait: that node may be one', () => {
    const doc = soundFlow();
    doc.nodes.push({ id: 'pause', type: 'custom.wait' });
    doc.edges.push({ id: 'toPause', source: 'raise', sourceHandle: 'error', target: 'pause' });
    doc.edges.push({ id: 'fromPause', source: 'pause', target: 'isLogistics' });
    expect(diagnosticsOf(doc)).toEqual([{ code: 'unknown_node_type', nodeId: 'pause', field: 'type' }]);
  });

  it('validates a 1,000-node chain without overflowing the stack', () => {
    const result = validateFlow(chain(1000), catalog);
    expect(result.diagnostics).toEqual([]);
    expect(result.document?.nodes).toHaveLength(1000);
  });

  it('finds a loop that runs through 999 nodes', () => {
    const doc = chain(1000);
    doc.edges.push({ id: 'loop', source: 'a999', sourceHandle: 'error', target: 'a1' });
    const result = validateFlow(doc, catalog);
    expect(result.diagnostics.map(where)).toEqual([{ code: 'cycle_without_wait', nodeId: 'a1' }]);
    expect(String(result.diagnostics[0]?.params?.nodes).split(' -> ')).toHaveLength(999);
  });
});

describe('config warnings', () => {
  const RAW = bilingual('a {{{ }}} tag inserts its value unescaped', '{{{ }}} 标记会把值原样放入');
  const call: NodeSpec = {
    type: 'call',
    kind: 'action',
    config: z.strictObject({ url: z.string() }),
    ports: () => ['next', 'error'],
    warnings: (config) =>
      typeof config === 'object' && config !== null && 'url' in config && String(config.url).includes('{{{')
        ? [{ field: 'url', message: RAW }]
        : [],
  };
  const withCall: NodeCatalog = { get: (type) => (type === 'call' ? call : catalog.get(type)) };
  const flow = (url: unknown): FlowDocumentInput => ({
    id: 'calls',
    name: 'calls',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'fetch', type: 'call', config: { url } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'fetch' }],
  });

  it('reports what a node type finds risky as a warning naming the node and field, leaving the flow valid', () => {
    const { ok, diagnostics } = validateFlow(flow('https://erp/{{{vars.path}}}'), withCall);
    expect(ok).toBe(true);
    expect(diagnostics).toEqual([
      {
        code: 'config_warning',
        severity: 'warning',
        nodeId: 'fetch',
        field: 'config.url',
        params: { detail: RAW, detailZh: '{{{ }}} 标记会把值原样放入' },
        message: 'node fetch: config.url: a {{{ }}} tag inserts its value unescaped',
      },
    ]);
    expect(formatDiagnostic(diagnostics[0]!, 'zh-CN')).toBe('节点 fetch 的配置 config.url：{{{ }}} 标记会把值原样放入');
  });

  it('asks for warnings only on a config that parsed', () => {
    expect(validateFlow(flow('https://erp/{{x}}'), withCall).diagnostics).toEqual([]);
    expect(validateFlow(flow(42), withCall).diagnostics.map((d) => d.code)).toEqual(['invalid_config']);
  });
});

describe('formatDiagnostic', () => {
  it('renders zh-CN with the node id and the port', () => {
    const doc = soundFlow();
    doc.edges = doc.edges.filter((e) => e.id !== 'e3');
    const [diagnostic] = validateFlow(doc, catalog).diagnostics;
    expect(formatDiagnostic(diagnostic!, 'zh-CN')).toBe('条件节点 isLogistics 缺少分支 false');
    expect(formatDiagnostic(diagnostic!)).toBe(diagnostic!.message);
  });

  it('renders zh-CN with the config field and the schema message', () => {
    const doc = soundFlow();
    doc.nodes[1] = { id: 'isLogistics', type: 'text_contains', config: { keywords: [] } };
    const [diagnostic] = validateFlow(doc, catalog).diagnostics;
    expect(formatDiagnostic(diagnostic!, 'zh-CN')).toMatch(/^节点 isLogistics 的配置 config\.keywords 无效：.+/);
  });

  it('renders zh-CN for a document that is not a flow object without an empty field slot (was "流程文档字段  无效": bug)', () => {
    const [notAnObject] = validateFlow([], catalog).diagnostics;
    expect(formatDiagnostic(notAnObject!, 'zh-CN')).toBe('流程文档无效：无效输入：期望 object，实际接收 数组');
    const [unknownKey] = validateFlow({ ...soundFlow(), version: 2 }, catalog).diagnostics;
    expect(formatDiagnostic(unknownKey!, 'zh-CN')).toMatch(/^流程文档无效：.*"version"/);
  });

  it('renders zh-CN for diagnostics that name no node', () => {
    expect(formatDiagnostic({ code: 'no_trigger', severity: 'error', message: 'no trigger' }, 'zh-CN')).toBe('流程没有触发器');
  });
});
