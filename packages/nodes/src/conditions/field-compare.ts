import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import type { NodeContext } from '../sdk/node-context';
import { words } from '../sdk/field-words';

/** Ticket fields a comparison can read. */
export const TicketField = z.enum([
  'category',
  'subcategory',
  'priority',
  'status',
  'group',
  'assignee',
  'channel',
  'customer.tier',
  'tags',
  'flags',
  'escalationLevel',
  'orderId',
]);
type TicketField = z.infer<typeof TicketField>;

const Operator = z.enum(['eq', 'neq', 'in', 'not_in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists', 'not_exists']);
const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

function read(ctx: NodeContext, field: TicketField): unknown {
  return field === 'customer.tier' ? ctx.ticket.customer.tier : ctx.ticket[field];
}

/** Compares a ticket field with a value (equality, membership, order, presence). */
export const fieldCompare = defineNode({
  type: 'field_compare',
  kind: 'condition',
  icon: 'equal',
  title: { en: 'Field compare', 'zh-CN': '字段比较' },
  description: {
    en: 'Compares a ticket field (category, priority, status, group, tags...) with a value.',
    'zh-CN': '比较工单字段（分类、优先级、状态、组、标签等）与给定值。',
  },
  config: z
    .strictObject({
      field: describeField(TicketField, {
        title: words('Field', '字段'),
        choices: {
          category: words('Category', '分类'),
          subcategory: words('Category level two', '二级分类'),
          priority: words('Priority', '优先级'),
          status: words('Status', '状态'),
          group: words('Group', '处理组'),
          assignee: words('Assignee', '处理人'),
          channel: words('Channel', '渠道'),
          'customer.tier': words('Customer tier', '客户等级'),
          tags: words('Tags', '标签'),
          flags: words('Flags', '标记'),
          escalationLevel: words('Escalation level', '升级级别'),
          orderId: words('Order id', '订单号'),
        },
      }),
      op: describeField(Operator.default('eq'), {
        title: words('Comparison', '比较方式'),
        choices: {
          eq: words('is', '等于'),
          neq: words('is not', '不等于'),
          in: words('is one of', '是其中之一'),
          not_in: words('is none of', '不是其中任何一个'),
          contains: words('contains (lists)', '包含（列表字段）'),
          gt: words('is more than', '大于'),
          gte: words('is at least', '大于等于'),
          lt: words('is less than', '小于'),
          lte: words('is at most', '小于等于'),
          exists: words('is filled in', '有值'),
          not_exists: words('is empty', '为空'),
        },
      }),
      value: describeField(Value.optional(), {
        title: words('Value', '比较值'),
        help: words('One value, or several separated by commas for "is one of".', '一个值；“是其中之一”可用逗号分隔多个。'),
        showWhen: { op: ['eq', 'neq', 'in', 'not_in', 'contains', 'gt', 'gte', 'lt', 'lte'] },
      }),
    })
    .refine((c) => c.op === 'exists' || c.op === 'not_exists' || c.value !== undefined, {
      message: bilingual('this operator needs a value', '此运算符需要一个比较值'),
      path: ['value'],
    }),
  evaluate: (ctx, { field, op, value }) => {
    const actual = read(ctx, field);
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    switch (op) {
      case 'exists':
        return actual !== null && actual !== undefined && actual !== '';
      case 'not_exists':
        return actual === null || actual === undefined || actual === '';
      case 'eq':
        return actual === value;
      case 'neq':
        return actual !== value;
      case 'in':
        return list.includes(actual);
      case 'not_in':
        return !list.includes(actual);
      case 'contains':
        return Array.isArray(actual) && list.some((v) => actual.includes(v));
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return compareNumbers(actual, value, op);
    }
  },
  explain: (ctx, { field, op, value }) => ({ field, actual: read(ctx, field) ?? null, op, expected: value ?? null }),
  summary: (c) => `${c.field} ${c.op} ${c.value === undefined ? '' : JSON.stringify(c.value)}`.trim(),
});

function compareNumbers(actual: unknown, value: unknown, op: 'gt' | 'gte' | 'lt' | 'lte'): boolean {
  if (typeof actual !== 'number' || typeof value !== 'number') return false;
  return op === 'gt' ? actual > value : op === 'gte' ? actual >= value : op === 'lt' ? actual < value : actual <= value;
}
