import { z } from 'zod';
import type { FieldText } from '../field-meta';
import { isRecord } from '../is-record';
import { Ticket } from '../ticket';
import { TicketEvent } from '../ticket-event';

/** One name a template or expression can use, with the names below it. */
export interface VariableNode {
  /** The full dotted name: `ticket.customer.name`. */
  readonly path: string;
  /** The last segment: `name`. */
  readonly name: string;
  /** `string`, `number`, `boolean`, `array`, `object`, or `any` when the shape is not declared. */
  readonly type: string;
  readonly children: readonly VariableNode[];
  /** True when the shape below is unknown: any deeper name is accepted. */
  readonly open: boolean;
  /** What it is, for the variable browser (roots and node outputs). */
  readonly title?: FieldText;
}

/** Where the names are used: a mustache template or a CEL expression see different roots. */
export type VariableScope = 'template' | 'expression';

/** The counters a flow reads as `stats` (the node SDK's `TicketStats`). */
export const TicketStatsShape = z.object({
  customerMessages: z.number().int(),
  agentReplies: z.number().int(),
  recentMessages: z.array(z.string()),
  firstAgentReplyAt: z.string().nullable(),
});

/**
 * The variable tree of a JSON Schema value at `path`: objects give their properties (a union
 * of objects, the fields of all of them); a schema that declares nothing is open.
 * @example variablesFromJsonSchema('vars.a', { type: 'object', properties: { agent: { type: 'string' } } }).children[0].path // "vars.a.agent"
 */
export function variablesFromJsonSchema(path: string, schema: unknown, title?: FieldText): VariableNode {
  const name = path.slice(path.lastIndexOf('.') + 1);
  const variants = branches(schema).filter((s) => !(isRecord(s) && s.type === 'null'));
  const types = new Set(variants.flatMap(typesOf));
  const properties = new Map<string, unknown>();
  for (const variant of variants) {
    if (isRecord(variant) && isRecord(variant.properties))
      for (const [key, sub] of Object.entries(variant.properties)) if (!properties.has(key)) properties.set(key, sub);
  }
  const type = types.size === 1 ? ([...types][0] ?? 'any') : types.has('object') ? 'object' : 'any';
  const open =
    type === 'any' || (type === 'object' && variants.some((v) => isRecord(v) && v.additionalProperties !== false && properties.size === 0));
  return {
    path,
    name,
    type,
    open,
    children: [...properties].map(([key, sub]) => variablesFromJsonSchema(`${path}.${key}`, sub)),
    ...(title ? { title } : {}),
  };
}

/** The JSON types a schema allows besides null (`type: ["string", "null"]` is a string that may be missing); `any` when it says none. */
function typesOf(schema: unknown): string[] {
  if (!isRecord(schema)) return ['any'];
  const { type } = schema;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  const present = list.filter((t) => t !== 'null');
  return present.length ? present : ['any'];
}

/** The alternatives of a schema (`anyOf`/`oneOf`), or the schema itself. */
function branches(schema: unknown): unknown[] {
  if (!isRecord(schema)) return [schema];
  const list = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  return list ? list.flatMap(branches) : [schema];
}

const json = (schema: z.ZodType): unknown => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

let roots: { ticket: VariableNode; stats: VariableNode; event: VariableNode } | undefined;

/** The ticket, stats and event trees, made once from their zod schemas. */
function fixedRoots() {
  roots ??= {
    ticket: variablesFromJsonSchema('ticket', json(Ticket), { en: 'The ticket', 'zh-CN': '工单' }),
    stats: variablesFromJsonSchema('stats', json(TicketStatsShape), {
      en: 'Message counts since the ticket was last opened',
      'zh-CN': '工单本次打开以来的消息计数',
    }),
    event: variablesFromJsonSchema('event', json(TicketEvent), {
      en: 'The event being handled (fields depend on its type)',
      'zh-CN': '正在处理的事件（字段随事件类型而定）',
    }),
  };
  return roots;
}

const leaf = (path: string, type: string, title: FieldText): VariableNode => ({ path, name: path, type, open: false, children: [], title });

/**
 * The roots a scope sees besides `vars`: templates read ticket, event and orderNumber
 * (the node SDK's `templateView`); expressions read ticket, stats, event and now (`expressionScope`).
 */
export function baseVariables(scope: VariableScope): VariableNode[] {
  const { ticket, stats, event } = fixedRoots();
  if (scope === 'template')
    return [
      ticket,
      event,
      leaf('orderNumber', 'string', {
        en: 'The order number found in the ticket (DD + digits)',
        'zh-CN': '工单中找到的订单号（DD 加数字）',
      }),
    ];
  return [ticket, stats, event, leaf('now', 'number', { en: 'The current (virtual) time, in ms', 'zh-CN': '当前（虚拟）时间，毫秒' })];
}

/** Every name of a tree, depth first (the root's own name first). */
export function flattenVariables(nodes: readonly VariableNode[]): VariableNode[] {
  return nodes.flatMap((node) => [node, ...flattenVariables(node.children)]);
}

/**
 * True when a dotted name is one the tree knows: each segment a child of the last, or
 * below an open one; a number after a list is an index.
 * @example isKnownVariable(baseVariables('template'), 'ticket.customer.name') // true
 */
export function isKnownVariable(roots: readonly VariableNode[], name: string): boolean {
  const [first, ...rest] = name.split('.');
  let node = roots.find((r) => r.name === first);
  for (const segment of rest) {
    if (!node) return false;
    if (node.open) return true;
    if (node.type === 'array' && /^\d+$/.test(segment)) return true;
    node = node.children.find((c) => c.name === segment);
  }
  return node !== undefined;
}
