import type { TicketTrace, TraceStep } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import type { MessageKey } from '../i18n/messages-en';
import type { MessageParams } from '../i18n/translate';

/** One flow of a ticket's trace (`GET /api/tickets/:id/trace`). */
export type TracedFlow = TicketTrace['flows'][number];

/** The node kinds a path is made of; the trace's other steps are timers, effects and errors. */
const VISIT_KINDS: ReadonlySet<string> = new Set(['trigger', 'condition', 'action', 'wait', 'end']);

/** What the canvas marks on one node: its latest decision (an answer and/or inputs), whether the flow rests here, its timers. */
export interface NodeMark {
  readonly answer?: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** How often the path passed this node. */
  readonly visits: number;
  readonly resting: boolean;
  readonly timers: readonly { readonly event: string; readonly dueAt: string }[];
}

/** A trace laid on a flow's drawing: the nodes and edges of the path (lit), and each node's mark. */
export interface TraceOverlay {
  readonly visitedNodes: ReadonlySet<string>;
  readonly visitedEdges: ReadonlySet<string>;
  readonly marks: ReadonlyMap<string, NodeMark>;
}

/**
 * Lays a flow's trace on its document: the path's nodes, the edges between consecutive nodes of
 * the path (a condition's by the port it answered), and per node the last answer and inputs it
 * gave (a condition's decision, or what an action weighed), the resting node and its timers.
 * @example traceOverlay(trace.flows[0], version.document).marks.get('is-vip')?.answer // "true"
 */
export function traceOverlay(flow: TracedFlow, doc: FlowDocument): TraceOverlay {
  const path = flow.steps.filter((s) => VISIT_KINDS.has(s.type));
  const visitedNodes = new Set(path.map((s) => s.node));
  const visitedEdges = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    if (!from || !to) continue;
    const edge = doc.edges.find(
      (e) => e.source === from.node && e.target === to.node && (from.answer === undefined || e.sourceHandle === from.answer),
    );
    if (edge) visitedEdges.add(edge.id);
  }
  const marks = new Map<string, NodeMark>();
  const markOf = (node: string): NodeMark => marks.get(node) ?? { visits: 0, resting: false, timers: [] };
  for (const step of flow.steps) {
    const mark = markOf(step.node);
    const visits = VISIT_KINDS.has(step.type) ? mark.visits + 1 : mark.visits;
    const decided = step.answer !== undefined || step.inputs !== undefined;
    marks.set(step.node, {
      ...mark,
      visits,
      ...(decided && step.answer !== undefined ? { answer: step.answer } : {}),
      ...(decided && step.inputs !== undefined ? { inputs: step.inputs } : {}),
    });
  }
  if (flow.node !== null) marks.set(flow.node, { ...markOf(flow.node), resting: true });
  for (const timer of flow.timers) {
    const mark = markOf(timer.node);
    marks.set(timer.node, { ...mark, timers: [...mark.timers, { event: timer.event, dueAt: timer.dueAt }] });
  }
  return { visitedNodes, visitedEdges, marks };
}

/** A translator: the editor's `t`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  category: 'trace.field.category',
  priority: 'trace.field.priority',
  status: 'trace.field.status',
  group: 'trace.field.group',
  assignee: 'trace.field.assignee',
  channel: 'trace.field.channel',
  'customer.tier': 'trace.field.customer.tier',
  tags: 'trace.field.tags',
  flags: 'trace.field.flags',
  escalationLevel: 'trace.field.escalationLevel',
  orderId: 'trace.field.orderId',
};
const OP_KEYS: Readonly<Record<string, MessageKey>> = {
  eq: 'trace.op.eq',
  neq: 'trace.op.neq',
  in: 'trace.op.in',
  not_in: 'trace.op.not_in',
  contains: 'trace.op.contains',
  gt: 'trace.op.gt',
  gte: 'trace.op.gte',
  lt: 'trace.op.lt',
  lte: 'trace.op.lte',
  exists: 'trace.op.exists',
  not_exists: 'trace.op.not_exists',
};
const WHY_KEYS: Readonly<Record<string, MessageKey>> = {
  offline: 'trace.why.offline',
  not_in_group: 'trace.why.not_in_group',
  no_skill: 'trace.why.no_skill',
  seniority: 'trace.why.seniority',
  at_capacity: 'trace.why.at_capacity',
  more_load: 'trace.why.more_load',
  tie: 'trace.why.tie',
};
const STEP_KEYS: Readonly<Record<string, MessageKey>> = {
  trigger: 'trace.step.trigger',
  condition: 'trace.step.condition',
  action: 'trace.step.action',
  wait: 'trace.step.wait',
  end: 'trace.step.end',
  'timer.set': 'trace.step.timer.set',
  'timer.fired': 'trace.step.timer.fired',
  'timer.cancelled': 'trace.step.timer.cancelled',
  effect: 'trace.step.effect',
  'effect.delivered': 'trace.step.effect.delivered',
  'effect.retry': 'trace.step.effect.retry',
  'effect.dead': 'trace.step.effect.dead',
  error: 'trace.step.error',
};

/** The message of a known name, or undefined. */
const keyOf = (keys: Readonly<Record<string, MessageKey>>, name: unknown): MessageKey | undefined =>
  typeof name === 'string' && Object.hasOwn(keys, name) ? keys[name] : undefined;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A recorded value as a reader sees it: text as is, lists joined, nothing as "(empty)". */
function shown(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('trace.empty');
  if (Array.isArray(value)) return value.length ? value.map((v) => shown(v, t)).join(', ') : t('trace.empty');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A ticket field field_compare reads, in the reader's words; anything else as recorded. */
function fieldName(field: unknown, t: Translate): string {
  const key = keyOf(FIELD_KEYS, field);
  return key ? t(key) : shown(field, t);
}

function opName(op: unknown, t: Translate): string {
  const key = keyOf(OP_KEYS, op);
  return key ? t(key) : shown(op, t);
}

/** An assignment's candidates: who was picked, and each agent passed over with why. */
function assignmentLines(inputs: Readonly<Record<string, unknown>>, t: Translate): string[] {
  if (inputs['strategy'] === 'fixed') return [t('trace.in.fixed', { group: shown(inputs['group'], t), agent: shown(inputs['agent'], t) })];
  const candidates = Array.isArray(inputs['candidates']) ? inputs['candidates'].filter(isRecord) : [];
  const fallback = Array.isArray(inputs['fallback']) ? inputs['fallback'].filter(isRecord) : undefined;
  const lines: string[] = [];
  const describe = (list: readonly Readonly<Record<string, unknown>>[]) => {
    const picked = list.find((c) => c['passedOver'] === undefined);
    lines.push(picked ? t('trace.in.picked', { agent: shown(picked['agent'], t), open: shown(picked['open'], t) }) : t('trace.in.nobody'));
    for (const c of list) {
      const why = c['passedOver'];
      if (typeof why !== 'string') continue;
      const key = keyOf(WHY_KEYS, why);
      const reason = key ? t(key) : why;
      lines.push(t('trace.in.passedOver', { agent: shown(c['agent'], t), open: shown(c['open'], t), why: reason }));
    }
  };
  describe(candidates);
  if (fallback) {
    lines.push(t('trace.in.fallback'));
    describe(fallback);
  }
  return lines;
}

/**
 * What a node looked at, in the reader's words, one line per fact: the keyword found, the field
 * and its value against the rule, counts, the clock, an expression's values, an assignment's
 * candidates. Inputs of a shape it does not know show as `name: value`.
 * @example inputLines({ field: 'category', actual: 'logistics', op: 'eq', expected: 'logistics' }, t)
 * // ["category is logistics · rule: is logistics"]
 */
export function inputLines(inputs: Readonly<Record<string, unknown>>, t: Translate): string[] {
  if ('candidates' in inputs || inputs['strategy'] === 'fixed') return assignmentLines(inputs, t);
  if ('keyword' in inputs) {
    return [inputs['keyword'] === null ? t('trace.in.noKeyword') : t('trace.in.keyword', { keyword: shown(inputs['keyword'], t) })];
  }
  if ('field' in inputs && 'actual' in inputs) {
    const expected = inputs['op'] === 'exists' || inputs['op'] === 'not_exists' ? '' : shown(inputs['expected'], t);
    const op = 'op' in inputs ? opName(inputs['op'], t) : t('trace.op.eq');
    return [t('trace.in.compare', { field: fieldName(inputs['field'], t), actual: shown(inputs['actual'], t), op, expected }).trim()];
  }
  if ('orderNumber' in inputs) {
    return [
      inputs['orderNumber'] === null ? t('trace.in.noOrderNumber') : t('trace.in.orderNumber', { value: shown(inputs['orderNumber'], t) }),
    ];
  }
  if ('messages' in inputs) {
    return [
      t('trace.in.messages', {
        messages: shown(inputs['messages'], t),
        op: inputs['op'] === 'eq' ? '=' : '≥',
        count: shown(inputs['count'], t),
      }),
    ];
  }
  if ('repeated' in inputs) return [t('trace.in.repeated', { repeated: shown(inputs['repeated'], t), times: shown(inputs['times'], t) })];
  if ('weekday' in inputs) {
    const { weekday, time, timezone, hours } = inputs;
    return [
      t('trace.in.clock', { weekday: shown(weekday, t), time: shown(time, t), timezone: shown(timezone, t), hours: shown(hours, t) }),
    ];
  }
  if ('pattern' in inputs)
    return [inputs['match'] === null ? t('trace.in.noMatch') : t('trace.in.match', { match: shown(inputs['match'], t) })];
  if ('expression' in inputs && isRecord(inputs['values'])) {
    return Object.entries(inputs['values']).map(([path, value]) => t('trace.in.value', { path, value: shown(value, t) }));
  }
  return Object.entries(inputs).map(([path, value]) => t('trace.in.value', { path, value: shown(value, t) }));
}

/** The words for a step's type (`condition` → "decided"), or the type itself for one it does not know. */
export function stepWord(step: TraceStep, t: Translate): string {
  const key = keyOf(STEP_KEYS, step.type);
  return key ? t(key, { attempts: step.attempts ?? 1 }) : step.type;
}

/** Room a trace note takes right of its node (its width and gap), in flow pixels. */
const NOTE_ROOM = 212;
/** A trace opens with node text and notes at a readable size: the canvas hides notes below 0.65. */
const TRACE_ZOOM = { min: 0.8, max: 1 };
const TOP_STRIP = 52;

/**
 * Where a trace opens: on the nodes that decided something and the resting node, with their notes,
 * at a zoom where notes read; when they do not fit, the first of them at the top, the rest a scroll away.
 * @example focusViewport(doc, ['is-vip', 'wait'], { width: 880, height: 700 })
 */
export function focusViewport(
  doc: FlowDocument,
  focus: readonly string[],
  canvas: { readonly width: number; readonly height: number },
  node: { readonly width: number; readonly height: number },
): { x: number; y: number; zoom: number } | undefined {
  const wanted = new Set(focus);
  const nodes = doc.nodes.filter((n) => wanted.has(n.id));
  if (!nodes.length) return undefined;
  const left = Math.min(...nodes.map((n) => n.position.x));
  const top = Math.min(...nodes.map((n) => n.position.y));
  const right = Math.max(...nodes.map((n) => n.position.x + node.width + NOTE_ROOM));
  const bottom = Math.max(...nodes.map((n) => n.position.y + node.height));
  const room = { width: canvas.width - 40, height: canvas.height - TOP_STRIP - 20 };
  const fit = Math.min(room.width / (right - left), room.height / (bottom - top));
  const zoom = Math.max(TRACE_ZOOM.min, Math.min(TRACE_ZOOM.max, fit));
  const x = canvas.width / 2 - ((left + right) / 2) * zoom;
  const fits = (bottom - top) * zoom <= room.height;
  const y = fits ? TOP_STRIP + room.height / 2 - ((top + bottom) / 2) * zoom : TOP_STRIP + 10 - top * zoom;
  return { x, y, zoom };
}

/** The nodes a trace opens on: those that decided something (an answer or inputs), and the resting node. */
export function focusNodes(overlay: TraceOverlay): string[] {
  return [...overlay.marks].filter(([, m]) => m.resting || m.answer !== undefined || m.inputs !== undefined).map(([id]) => id);
}
