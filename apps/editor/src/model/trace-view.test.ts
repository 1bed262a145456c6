import { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-en';
import type { MessageParams } from '../i18n/translate';
import { inputLines, stepWord, type TracedFlow, traceOverlay } from './trace-view';

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const at = '2026-05-01T09:00:00.000Z';

const doc = FlowDocument.parse({
  id: 'f',
  name: 'f',
  nodes: [
    { id: 'start', type: 'ticket_created', config: {} },
    { id: 'vip', type: 'customer_tier', config: { tier: 'vip' } },
    { id: 'wait', type: 'wait_for_event', config: {} },
    { id: 'tag', type: 'add_tag', config: { tag: 'x' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'vip' },
    { id: 'e2', source: 'vip', sourceHandle: 'true', target: 'wait' },
    { id: 'e3', source: 'vip', sourceHandle: 'false', target: 'tag' },
  ],
});

const flow: TracedFlow = {
  flowId: 'f',
  version: 1,
  node: 'wait',
  timers: [{ node: 'wait', event: 'timeout', dueAt: '2026-05-01T09:10:00.000Z' }],
  steps: [
    { node: 'start', type: 'trigger', at },
    { node: 'vip', type: 'condition', at, answer: 'true', inputs: { field: 'customer.tier', actual: 'vip', expected: 'vip' } },
    { node: 'wait', type: 'wait', at },
    { node: 'wait', type: 'timer.set', at },
  ],
};

describe('traceOverlay (issue 18: the trace on the canvas)', () => {
  it('lights the path, its edges by the port each condition answered, and marks the resting node and its timer', () => {
    const overlay = traceOverlay(flow, doc);
    expect([...overlay.visitedNodes]).toEqual(['start', 'vip', 'wait']);
    expect([...overlay.visitedEdges]).toEqual(['e1', 'e2']);
    expect(overlay.marks.get('vip')).toMatchObject({ answer: 'true', visits: 1, resting: false });
    expect(overlay.marks.get('wait')).toMatchObject({ resting: true, timers: [{ event: 'timeout', dueAt: '2026-05-01T09:10:00.000Z' }] });
    expect(overlay.marks.has('tag')).toBe(false);
  });
});

describe('inputLines', () => {
  it('says what a condition looked at, in both languages', () => {
    expect(inputLines({ source: 'ticket', keyword: '退货' }, en)).toEqual(['keyword “退货” found']);
    expect(inputLines({ source: 'ticket', keyword: null }, zh)).toEqual(['未找到关键词']);
    expect(inputLines({ field: 'category', actual: 'after_sales', op: 'eq', expected: 'logistics' }, en)).toEqual([
      'category is after_sales · rule: is logistics',
    ]);
    expect(inputLines({ field: 'status', actual: 'new', op: 'not_in', expected: ['resolved', 'closed'] }, zh)).toEqual([
      '状态为 new · 规则：不是其中任何一个 resolved, closed',
    ]);
    expect(inputLines({ field: 'assignee', actual: null, op: 'exists', expected: null }, en)).toEqual([
      'assignee is (empty) · rule: is filled in',
    ]);
    expect(inputLines({ orderNumber: 'DD1' }, en)).toEqual(['order number DD1']);
    expect(inputLines({ messages: 3, op: 'gte', count: 3 }, en)).toEqual(['3 customer messages · rule: ≥ 3']);
    expect(inputLines({ expression: 'ticket.customer.id.startsWith("BH-")', values: { 'ticket.customer.id': 'BH-1' } }, en)).toEqual([
      'ticket.customer.id is BH-1',
    ]);
  });

  it("gives an assignment's pick and each agent passed over with why", () => {
    const inputs = {
      strategy: 'least_loaded',
      group: 'after_sales',
      candidates: [
        { agent: 'li-na', open: 1 },
        { agent: 'wang-qiang', open: 3, passedOver: 'at_capacity' },
        { agent: 'liu-yang', open: 0, passedOver: 'offline' },
      ],
    };
    expect(inputLines(inputs, en)).toEqual([
      'picked li-na (1 open)',
      'wang-qiang (3 open): at the load limit',
      'liu-yang (0 open): offline',
    ]);
    expect(inputLines(inputs, zh)).toEqual(['选中 li-na（在办 1）', 'wang-qiang（在办 3）：已达负载上限', 'liu-yang（在办 0）：不在线']);
  });

  it('names step types, and shows one it does not know as is', () => {
    expect(stepWord({ node: 'n', type: 'effect.retry', at, attempts: 2 }, en)).toBe('failed, will retry (attempt 2)');
    expect(stepWord({ node: 'n', type: 'something.new', at }, en)).toBe('something.new');
  });
});
