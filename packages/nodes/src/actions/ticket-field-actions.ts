import { bilingual, CATEGORY_CHOICES, describeField, Priority, SUBCATEGORY_CHOICES, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { PRIORITY_CHOICES, STATUS_CHOICES, words } from '../sdk/field-words';

const Name = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_-]+$/u, bilingual('letters, digits, "_" and "-" only', '只能使用文字、数字、"_" 和 "-"'))
  .max(64);

/** Sets the ticket's priority. */
export const setPriority = defineNode({
  type: 'set_priority',
  kind: 'action',
  icon: 'flag',
  title: { en: 'Set priority', 'zh-CN': '设置优先级' },
  description: {
    en: "Sets the ticket's priority.",
    'zh-CN': '设置工单优先级。',
  },
  config: z.strictObject({ priority: describeField(Priority, { title: words('Priority', '优先级'), choices: PRIORITY_CHOICES }) }),
  output: z.never(),
  run: (_ctx, config) => ({ patch: { priority: config.priority } }),
  summary: (config) => `→ ${config.priority}`,
});

/**
 * Sets the ticket's category: level one, and optionally level two (issue 21: system fault /
 * login failure). Without a level two, a level two the ticket has is kept while the level one
 * stays the same and cleared when it changes: it belonged to the old level one.
 */
export const setCategory = defineNode({
  type: 'set_category',
  kind: 'action',
  icon: 'folder',
  title: { en: 'Set category', 'zh-CN': '设置分类' },
  description: {
    en: "Sets the ticket's category (level one) and, optionally, its level two.",
    'zh-CN': '设置工单分类（一级），可同时设置二级分类。',
  },
  config: z.strictObject({
    category: describeField(Name, {
      title: words('Category', '分类'),
      help: words('Level one, e.g. fault, after_sales.', '一级分类，例如 fault（系统故障）、after_sales（售后）。'),
      choices: CATEGORY_CHOICES,
    }),
    subcategory: describeField(Name.optional(), {
      title: words('Level two', '二级分类'),
      help: words(
        'e.g. login_failure under fault. Left empty: a level two the ticket has stays while the category stays the same.',
        '例如 fault 下的 login_failure（登录失败）。留空时：一级分类不变则保留工单已有的二级分类。',
      ),
      choices: SUBCATEGORY_CHOICES,
    }),
  }),
  output: z.never(),
  run: (ctx, config) => ({
    patch: {
      category: config.category,
      subcategory: config.subcategory ?? (ctx.ticket.category === config.category ? ctx.ticket.subcategory : null),
    },
  }),
  summary: (config) => `→ ${config.category}${config.subcategory ? ` / ${config.subcategory}` : ''}`,
});

/** Sets the ticket's status. */
export const setStatus = defineNode({
  type: 'set_status',
  kind: 'action',
  icon: 'circle-check',
  title: { en: 'Set status', 'zh-CN': '设置状态' },
  description: {
    en: "Sets the ticket's status; other flows see the change as a status event.",
    'zh-CN': '设置工单状态；其他流程会收到状态变更事件。',
  },
  config: z.strictObject({ status: describeField(TicketStatus, { title: words('Status', '状态'), choices: STATUS_CHOICES }) }),
  output: z.never(),
  run: (_ctx, config) => ({ patch: { status: config.status } }),
  summary: (config) => `→ ${config.status}`,
});

/** Adds a tag (once). */
export const addTag = defineNode({
  type: 'add_tag',
  kind: 'action',
  icon: 'tag',
  title: { en: 'Add tag', 'zh-CN': '添加标签' },
  description: {
    en: 'Adds a tag to the ticket (once).',
    'zh-CN': '给工单添加标签（不重复）。',
  },
  config: z.strictObject({ tag: describeField(Name, { title: words('Tag', '标签') }) }),
  output: z.never(),
  run: (ctx, config) => ({
    patch: { tags: ctx.ticket.tags.includes(config.tag) ? ctx.ticket.tags : [...ctx.ticket.tags, config.tag] },
  }),
  summary: (config) => `+ ${config.tag}`,
});

/** Marks the ticket for attention (e.g. "abnormal"). */
export const flag = defineNode({
  type: 'flag',
  kind: 'action',
  icon: 'triangle-alert',
  title: { en: 'Flag', 'zh-CN': '标记' },
  description: {
    en: 'Marks the ticket for attention, e.g. abnormal.',
    'zh-CN': '标记工单以引起关注，例如异常。',
  },
  config: z.strictObject({
    flag: describeField(Name, { title: words('Flag', '标记'), help: words('e.g. abnormal', '例如 abnormal（异常）') }),
  }),
  output: z.never(),
  run: (ctx, config) => ({
    patch: { flags: ctx.ticket.flags.includes(config.flag) ? ctx.ticket.flags : [...ctx.ticket.flags, config.flag] },
  }),
  summary: (config) => `⚑ ${config.flag}`,
});

/** Moves the ticket to another group; the new group assigns its own agent. */
export const transfer = defineNode({
  type: 'transfer',
  kind: 'action',
  icon: 'arrow-right-left',
  title: { en: 'Transfer', 'zh-CN': '转组' },
  description: {
    en: 'Moves the ticket to another group and clears the assignee.',
    'zh-CN': '把工单转到其他组，并清空处理人。',
  },
  config: z.strictObject({ group: describeField(Name, { title: words('To group', '转到处理组') }) }),
  output: z.never(),
  run: (_ctx, config) => ({ patch: { group: config.group, assignee: null } }),
  summary: (config) => `→ ${config.group}`,
});

/** Raises the ticket's escalation level to the supervisor. */
export const escalate = defineNode({
  type: 'escalate',
  kind: 'action',
  icon: 'arrow-up-circle',
  title: { en: 'Escalate', 'zh-CN': '升级' },
  description: {
    en: 'Escalates to the supervisor (or manager) at a level; the level never goes down.',
    'zh-CN': '按级别升级给主管（或经理）；级别只升不降。',
  },
  config: z.strictObject({
    level: describeField(z.number().int().min(1).max(3).default(1), {
      title: words('Level', '升级级别'),
      help: words('1 to 3; the level never goes down.', '1 到 3；级别只升不降。'),
    }),
    to: describeField(z.enum(['supervisor', 'manager']).default('supervisor'), {
      title: words('To', '升级给'),
      choices: { supervisor: words('Supervisor', '主管'), manager: words('Manager', '经理') },
    }),
    reason: describeField(z.string().max(200).optional(), { title: words('Reason', '原因') }),
  }),
  output: z.never(),
  run: (ctx, config) => ({
    params: { level: config.level, to: config.to, ...(config.reason ? { reason: config.reason } : {}) },
    patch: { escalationLevel: Math.max(ctx.ticket.escalationLevel, config.level) },
  }),
  summary: (config, locale) => (locale === 'en' ? `level ${config.level} → ${config.to}` : `${config.level} 级 → ${config.to}`),
});

/** Hands the conversation from automation to a human agent. */
export const handoff = defineNode({
  type: 'handoff',
  kind: 'action',
  icon: 'user-round',
  title: { en: 'Hand off to human', 'zh-CN': '转人工' },
  description: {
    en: 'Hands the conversation from automation to a human agent.',
    'zh-CN': '把对话从自动化转交人工坐席。',
  },
  config: z.strictObject({
    group: describeField(Name.optional(), {
      title: words('Group', '处理组'),
      help: words("Left empty: the ticket's current group.", '留空则用工单当前的处理组。'),
    }),
  }),
  output: z.never(),
  run: (ctx, config) => ({
    params: { group: config.group ?? ctx.ticket.group },
    patch: {
      ...(config.group ? { group: config.group } : {}),
      tags: ctx.ticket.tags.includes('human_handoff') ? ctx.ticket.tags : [...ctx.ticket.tags, 'human_handoff'],
    },
  }),
});
