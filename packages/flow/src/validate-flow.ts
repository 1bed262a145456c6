import { z } from 'zod';
import { type Diagnostic } from './diagnostic';
import { translateMessage } from './localized-message';
import { FlowDocument, type FlowEdge, type FlowNode } from './flow-document';
import { isRecord } from './is-record';
import type { NodeCatalog, NodeSpec } from './node-kind';
import { checkUnknownVariables } from './rules/unknown-variable';
import { stronglyConnected } from './strongly-connected';
import { issuePath } from './zod-issues';

/** The result of validating a flow: every problem at once, and the parsed flow when it is sound. */
export interface FlowValidation {
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The document with defaults applied and each node's config parsed; absent when the shape itself is broken. */
  readonly document?: FlowDocument;
}

interface KnownNode {
  readonly node: FlowNode;
  readonly spec: NodeSpec;
  /** Parsed config, or undefined when it failed its schema. */
  readonly config: unknown;
}

/**
 * Validates a flow document against a node catalog and returns every problem, each
 * naming the node, edge or field it is about.
 * @example
 * const { ok, diagnostics } = validateFlow(json, builtinCatalog);
 */
export function validateFlow(input: unknown, catalog: NodeCatalog): FlowValidation {
  const parsed = FlowDocument.safeParse(input);
  if (!parsed.success) {
    const chinese = chineseMessages(FlowDocument, input);
    return { ok: false, diagnostics: documentDiagnostics(input, parsed.error.issues, chinese) };
  }
  return validateFlowDocument(parsed.data, catalog);
}

/**
 * `validateFlow` for a document already parsed with `FlowDocument` (by a request's schema, say):
 * checks nodes, edges and configs against the catalog without parsing the document again.
 * @example
 * const { ok, diagnostics } = validateFlowDocument(FlowDocument.parse(json), builtinCatalog);
 */
export function validateFlowDocument(doc: FlowDocument, catalog: NodeCatalog): FlowValidation {
  const diagnostics: Diagnostic[] = [];
  const known = checkNodes(doc.nodes, catalog, diagnostics);
  const wired = checkEdges(doc, known, diagnostics);
  checkBranches(known, wired, diagnostics);
  checkTriggersAndReach(doc.nodes, known, wired, diagnostics);
  checkCycles(doc.nodes, known, wired, diagnostics);
  checkUnknownVariables(doc, known, diagnostics);
  const document: FlowDocument = {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const k = known.get(n.id);
      return k && isRecord(k.config) ? { ...n, config: k.config } : n;
    }),
  };
  return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics, document };
}

function documentDiagnostics(
  input: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
  chinese: readonly string[],
): Diagnostic[] {
  return issues.map((issue, i) => {
    const field = issuePath(issue.path);
    const nodeId = idAt(input, issue.path, 'nodes');
    const edgeId = idAt(input, issue.path, 'edges');
    return {
      code: 'invalid_document',
      severity: 'error',
      message: `${nodeId ? `node ${nodeId}: ` : edgeId ? `edge ${edgeId}: ` : ''}field ${field || '(document)'}: ${issue.message}`,
      field,
      params: { detail: issue.message, detailZh: chinese[i] ?? issue.message },
      ...(nodeId ? { nodeId } : {}),
      ...(edgeId ? { edgeId } : {}),
    };
  });
}

/** The `id` of nodes[i] / edges[i] named by an issue path, when the raw input has one. */
function idAt(input: unknown, path: readonly PropertyKey[], list: 'nodes' | 'edges'): string | undefined {
  if (path[0] !== list || typeof path[1] !== 'number' || !isRecord(input)) return undefined;
  const items = input[list];
  const item: unknown = Array.isArray(items) ? items[path[1]] : undefined;
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function checkNodes(nodes: readonly FlowNode[], catalog: NodeCatalog, out: Diagnostic[]): Map<string, KnownNode> {
  const known = new Map<string, KnownNode>();
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) {
      out.push({ code: 'duplicate_node_id', severity: 'error', nodeId: node.id, message: `node id ${node.id} is used twice` });
      continue;
    }
    seen.add(node.id);
    // A node pinned to a type version is checked against that version's config schema.
    const spec = catalog.get(node.type, node.typeVersion);
    if (!spec) {
      const versioned = node.typeVersion !== undefined && catalog.get(node.type) !== undefined;
      const type = versioned ? `${node.type} v${node.typeVersion}` : node.type;
      out.push({
        code: 'unknown_node_type',
        severity: 'error',
        nodeId: node.id,
        field: versioned ? 'typeVersion' : 'type',
        params: { type },
        message: `node ${node.id}: unknown node type "${type}"`,
      });
      continue;
    }
    const config = spec.config.safeParse(node.config);
    if (!config.success) {
      const chinese = chineseMessages(spec.config, node.config);
      for (const [i, issue] of config.error.issues.entries()) {
        const field = issuePath(issue.path);
        out.push({
          code: 'invalid_config',
          severity: 'error',
          nodeId: node.id,
          field: field ? `config.${field}` : 'config',
          params: { detail: issue.message, detailZh: chinese[i] ?? issue.message },
          message: `node ${node.id}: config${field ? `.${field}` : ''}: ${issue.message}`,
        });
      }
    }
    if (config.success) checkWarnings(node.id, spec, config.data, out);
    known.set(node.id, { node, spec, config: config.success ? config.data : undefined });
  }
  return known;
}

/** What a node type finds risky in a valid config (e.g. an unescaped template): warnings, never errors. */
function checkWarnings(nodeId: string, spec: NodeSpec, config: unknown, out: Diagnostic[]): void {
  for (const warning of spec.warnings?.(config) ?? []) {
    out.push({
      code: 'config_warning',
      severity: 'warning',
      nodeId,
      field: `config.${warning.field}`,
      params: { detail: warning.message, detailZh: translateMessage(warning.message, 'zh-CN') },
      message: `node ${nodeId}: config.${warning.field}: ${warning.message}`,
    });
  }
}

/** Checks edges and returns the sound ones as source -> port -> target. */
function checkEdges(doc: FlowDocument, known: Map<string, KnownNode>, out: Diagnostic[]): Map<string, Map<string, string>> {
  const wired = new Map<string, Map<string, string>>();
  const edgeIds = new Set<string>();
  const byPort = new Map<string, FlowEdge>();
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id)) {
      out.push({ code: 'duplicate_edge_id', severity: 'error', edgeId: edge.id, message: `edge id ${edge.id} is used twice` });
      continue;
    }
    edgeIds.add(edge.id);
    const missing = [edge.source, edge.target].find((id) => !ids.has(id));
    if (missing !== undefined) {
      out.push({
        code: 'dangling_edge',
        severity: 'error',
        edgeId: edge.id,
        field: missing === edge.source ? 'source' : 'target',
        params: { missing },
        message: `edge ${edge.id}: ${missing === edge.source ? 'source' : 'target'} node "${missing}" does not exist`,
      });
      continue;
    }
    const source = known.get(edge.source);
    const target = known.get(edge.target);
    if (target?.spec.kind === 'trigger') {
      out.push({
        code: 'edge_into_trigger',
        severity: 'error',
        edgeId: edge.id,
        nodeId: edge.target,
        message: `edge ${edge.id}: a trigger (${edge.target}) starts a flow and takes no incoming edge`,
      });
      continue;
    }
    // An unknown type's ports cannot be checked, but its edges still count, so the nodes after it are not "unreachable".
    if (source && source.config !== undefined && !source.spec.ports(source.config).includes(edge.sourceHandle)) {
      const ports = source.spec.ports(source.config);
      out.push({
        code: 'unknown_port',
        severity: 'error',
        edgeId: edge.id,
        nodeId: edge.source,
        field: 'sourceHandle',
        params: { port: edge.sourceHandle },
        message: `edge ${edge.id}: node ${edge.source} has no port "${edge.sourceHandle}" (ports: ${ports.join(', ') || 'none'})`,
      });
      continue;
    }
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    const other = byPort.get(key);
    if (other) {
      const same = other.target === edge.target;
      out.push({
        code: same ? 'duplicate_edge' : 'port_already_connected',
        severity: 'error',
        edgeId: edge.id,
        nodeId: edge.source,
        params: { port: edge.sourceHandle, other: other.id },
        message: same
          ? `edge ${edge.id} repeats edge ${other.id} (${edge.source}.${edge.sourceHandle} -> ${edge.target})`
          : `edge ${edge.id}: port ${edge.source}.${edge.sourceHandle} is already connected by edge ${other.id}; a port leads to one node`,
      });
      continue;
    }
    byPort.set(key, edge);
    let ports = wired.get(edge.source);
    if (!ports) wired.set(edge.source, (ports = new Map<string, string>()));
    ports.set(edge.sourceHandle, edge.target);
  }
  return wired;
}

function checkBranches(known: Map<string, KnownNode>, wired: Map<string, Map<string, string>>, out: Diagnostic[]): void {
  for (const { node, spec, config } of known.values()) {
    if (spec.kind !== 'condition' || config === undefined) continue;
    for (const port of spec.ports(config)) {
      if (wired.get(node.id)?.has(port)) continue;
      out.push({
        code: 'missing_branch',
        severity: 'error',
        nodeId: node.id,
        params: { port },
        message: `condition ${node.id} has no edge for its "${port}" branch`,
      });
    }
  }
}

function checkTriggersAndReach(
  nodes: readonly FlowNode[],
  known: Map<string, KnownNode>,
  wired: Map<string, Map<string, string>>,
  out: Diagnostic[],
): void {
  const triggers = [...known.values()].filter((k) => k.spec.kind === 'trigger').map((k) => k.node.id);
  if (triggers.length === 0) {
    out.push({ code: 'no_trigger', severity: 'error', message: 'the flow has no trigger, so nothing ever starts it' });
    return;
  }
  const reached = new Set(triggers);
  const queue = [...triggers];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of wired.get(id)?.values() ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  for (const node of nodes) {
    if (reached.has(node.id) || !known.has(node.id)) continue;
    out.push({
      code: 'unreachable_node',
      severity: 'error',
      nodeId: node.id,
      message: `node ${node.id} cannot be reached from any trigger`,
    });
  }
}

function checkCycles(
  nodes: readonly FlowNode[],
  known: Map<string, KnownNode>,
  wired: Map<string, Map<string, string>>,
  out: Diagnostic[],
): void {
  // Loops are looked for in the graph without its waits: a component that holds a wait can
  // still hold a loop beside it (c1 -> c2 -> c1 next to c1 -> c2 -> wait -> c1). A node of
  // unknown type may be a wait: its own diagnostic is enough.
  const isWait = (id: string) => (known.get(id)?.spec.kind ?? 'wait') === 'wait';
  const next = new Map<string, string[]>();
  for (const [source, ports] of wired)
    if (!isWait(source))
      next.set(
        source,
        [...ports.values()].filter((target) => !isWait(target)),
      );
  for (const component of stronglyConnected(
    nodes.map((n) => n.id).filter((id) => !isWait(id)),
    next,
  )) {
    const [first] = component;
    const isCycle = component.length > 1 || (first !== undefined && (next.get(first) ?? []).includes(first));
    if (!isCycle) continue;
    const members = [...component].reverse();
    out.push({
      code: 'cycle_without_wait',
      severity: 'error',
      nodeId: members[0],
      params: { nodes: members.join(' -> ') },
      message: `nodes ${members.join(' -> ')} form a loop with no wait in it; it would run forever`,
    });
  }
}

const zhCN = z.locales.zhCN();

/**
 * The same issues in Chinese, in the same order: zod's zh-CN messages for its own checks,
 * and the registered Chinese of `bilingual` custom messages. Only run when parsing failed.
 */
function chineseMessages(schema: z.ZodType, value: unknown): string[] {
  const again = schema.safeParse(value, { error: zhCN.localeError });
  return again.success ? [] : again.error.issues.map((issue) => translateMessage(issue.message, 'zh-CN'));
}
