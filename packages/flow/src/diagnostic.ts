/** Every problem validation can report; the code is stable, the message is for people. */
export const DIAGNOSTIC_CODES = [
  'invalid_document',
  'duplicate_node_id',
  'duplicate_edge_id',
  'unknown_node_type',
  'invalid_config',
  'dangling_edge',
  'unknown_port',
  'duplicate_edge',
  'port_already_connected',
  'edge_into_trigger',
  'missing_branch',
  'unreachable_node',
  'cycle_without_wait',
  'no_trigger',
  'config_warning',
  'unknown_variable',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** True for a code this version knows (a newer server may send others). */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return (DIAGNOSTIC_CODES as readonly string[]).includes(code);
}

/** One problem in a flow, naming the node, edge or field it is about. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  /** English message; `formatDiagnostic` gives zh-CN. */
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** Path of the offending field inside the document or the node's config. */
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Locale = 'en' | 'zh-CN';

const ZH: Record<DiagnosticCode, string> = {
  invalid_document: '流程文档字段 {field} 无效：{detail}',
  duplicate_node_id: '节点 ID {nodeId} 重复',
  duplicate_edge_id: '连线 ID {edgeId} 重复',
  unknown_node_type: '节点 {nodeId} 的类型 {type} 不存在',
  invalid_config: '节点 {nodeId} 的配置 {field} 无效：{detail}',
  dangling_edge: '连线 {edgeId} 指向不存在的节点 {missing}',
  unknown_port: '连线 {edgeId} 使用了节点 {nodeId} 不存在的端口 {port}',
  duplicate_edge: '连线 {edgeId} 与 {other} 重复',
  port_already_connected: '节点 {nodeId} 的端口 {port} 已有连线 {other}，一个端口只能连一条线',
  edge_into_trigger: '连线 {edgeId} 不能连入触发器 {nodeId}',
  missing_branch: '条件节点 {nodeId} 缺少分支 {port}',
  unreachable_node: '节点 {nodeId} 无法从任何触发器到达',
  cycle_without_wait: '节点 {nodes} 组成的循环中没有等待节点，会无限执行',
  no_trigger: '流程没有触发器',
  config_warning: '节点 {nodeId} 的配置 {field}：{detail}',
  unknown_variable: '「{nodeLabelZh}」的「{fieldTitleZh}」：没有变量 {variable}{hintZh}',
};

/** An issue with the document as a whole (not an object, an unknown top-level key) has no field to name. */
const ZH_WHOLE_DOCUMENT = '流程文档无效：{detail}';

/**
 * Renders a diagnostic for a locale.
 * @example formatDiagnostic(d, 'zh-CN') // "条件节点 c1 缺少分支 false"
 */
export function formatDiagnostic(d: Diagnostic, locale: Locale = 'en'): string {
  if (locale === 'en') return d.message;
  const values: Record<string, string | number | undefined> = {
    nodeId: d.nodeId,
    edgeId: d.edgeId,
    field: d.field,
    ...d.params,
    // Details come from zod; validation keeps a Chinese copy beside the English.
    ...(d.params?.detailZh !== undefined ? { detail: d.params.detailZh } : {}),
  };
  const template = d.code === 'invalid_document' && !d.field ? ZH_WHOLE_DOCUMENT : ZH[d.code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
