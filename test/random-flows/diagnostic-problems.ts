import { type Diagnostic, formatDiagnostic, isDiagnosticCode } from '@switchyard/flow';

const HAN = /\p{Script=Han}/u;

/** `value[key]` when value is an object, read without a cast. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}

/** The string ids of `input[list][*].id`, when the input has such a list. */
function idsIn(input: unknown, list: 'nodes' | 'edges'): Set<string> {
  const items = field(input, list);
  if (!Array.isArray(items)) return new Set();
  return new Set(items.map((item: unknown) => field(item, 'id')).filter((id): id is string => typeof id === 'string'));
}

/**
 * What is wrong with the diagnostics validation gave for `input`, one line each; empty
 * when each has a known code, an English message, a non-empty Chinese rendering, and
 * names a node, edge or field the input really has (all but `no_trigger`).
 */
export function diagnosticProblems(input: unknown, diagnostics: readonly Diagnostic[]): string[] {
  const nodes = idsIn(input, 'nodes');
  const edges = idsIn(input, 'edges');
  const problems: string[] = [];
  for (const d of diagnostics) {
    const say = (problem: string) => problems.push(`${d.code} (${d.message}): ${problem}`);
    if (!isDiagnosticCode(d.code)) say('unknown code');
    if (d.severity !== 'error' && d.severity !== 'warning') say(`severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || !/[A-Za-z]{3}/.test(d.message)) say('no English message');
    const zh = formatDiagnostic(d, 'zh-CN');
    if (!HAN.test(zh)) say(`zh-CN text "${zh}" has no Chinese`);
    // The Chinese templates put a space on each side of a value: two in a row mean an empty one,
    // unless a value taken from the input brings the spaces itself (an id " ").
    const values = [d.nodeId, d.edgeId, d.field, ...Object.values(d.params ?? {})].map((v) => (v === undefined ? '' : String(v)));
    const spacedValue = values.some((v) => v !== '' && (v.trim() !== v || v.includes('  ')));
    if (zh.includes('  ') && !spacedValue) say(`zh-CN text "${zh}" has an empty slot`);
    const subjects = [d.nodeId, d.edgeId, d.field].filter((s): s is string => s !== undefined && s !== '');
    if (subjects.length > 0 && !subjects.some((s) => d.message.includes(s))) say(`the message names none of ${subjects.join(', ')}`);
    if (subjects.length > 0 && !subjects.some((s) => zh.includes(s))) say(`zh-CN text "${zh}" names none of ${subjects.join(', ')}`);
    if (d.nodeId !== undefined && !nodes.has(d.nodeId)) say(`names node ${d.nodeId}, which the input lacks`);
    if (d.edgeId !== undefined && !edges.has(d.edgeId)) say(`names edge ${d.edgeId}, which the input lacks`);
    if (d.code !== 'no_trigger' && d.nodeId === undefined && d.edgeId === undefined && d.field === undefined)
      say('names no node, edge or field');
  }
  return problems;
}
