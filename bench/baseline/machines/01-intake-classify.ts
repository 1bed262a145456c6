import { setup } from 'xstate';
import { machineTypes, onTicket, rec, record } from '../baseline-setup';
import { hasAny, ticketText } from '../text';

/** Scenario 1: first matching category wins, its group, then priority. */
const CATEGORIES = [
  { category: 'complaint', group: 'supervisors', keywords: ['投诉', 'complaint'] },
  {
    category: 'fault',
    group: 'tech_support',
    keywords: ['故障', '报错', '无法', '打不开', '登录失败', '崩溃', '卡顿', 'error', 'crash', 'bug'],
  },
  { category: 'after_sales', group: 'after_sales', keywords: ['退货', '换货', '退款', '退换', 'refund', 'return'] },
  { category: 'logistics', group: 'logistics', keywords: ['物流', '快递', '发货', '配送', '运单', 'shipping', 'delivery', 'tracking', 'parcel'] },
  { category: 'billing', group: 'finance', keywords: ['发票', '开票', 'invoice'] },
] as const;
const URGENT = ['紧急', '投诉', '加急', 'urgent', 'complaint'];

const classifyAs = (category: string, group: string) => [
  rec({ type: 'set_category', params: { category }, patch: { category } }),
  rec({ type: 'assign', params: { group, agent: null }, patch: { group } }),
];
const priority = (value: 'urgent' | 'high' | 'normal') => rec({ type: 'set_priority', params: { priority: value }, patch: { priority: value } });

export const intakeClassify = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'intake-classify',
  initial: 'idle',
  states: {
    idle: { on: { 'ticket.created': 'categorise' } },
    categorise: {
      always: [
        ...CATEGORIES.map((c) => ({
          guard: onTicket((t) => hasAny(ticketText(t), c.keywords)),
          target: 'prioritise',
          actions: classifyAs(c.category, c.group),
        })),
        { target: 'prioritise', actions: classifyAs('inquiry', 'pre_sales') },
      ],
    },
    prioritise: {
      always: [
        { guard: onTicket((t) => hasAny(ticketText(t), URGENT)), target: 'idle', actions: priority('urgent') },
        { guard: onTicket((t) => t.customer.tier === 'vip'), target: 'idle', actions: priority('high') },
        { target: 'idle', actions: priority('normal') },
      ],
    },
  },
});
