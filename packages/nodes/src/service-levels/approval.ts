import { describeField, Duration, INPUT_LIMITS, parseDuration } from '@switchyard/flow';
import { z } from 'zod';
import { CalendarPick, ClockKind, dueAfter } from '../sdk/business-clock';
import { defineNode } from '../sdk/define-node';
import { words } from '../sdk/field-words';

/** Who may decide: one of the product's roles (`@switchyard/api` permissions) or one user. */
export const APPROVER_ROLES = ['agent', 'supervisor', 'engineer', 'ops', 'admin'] as const;

/** What an approval node keeps while it waits; the host lists it at `GET /api/approvals`. */
export const ApprovalRequest = z.object({
  kind: z.literal('approval'),
  requestedAt: z.number(),
  dueAt: z.number(),
  role: z.enum(APPROVER_ROLES).nullable(),
  user: z.string().nullable(),
  question: z.string(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

/** A stored request, or undefined for anything else under that name. */
export function readApprovalRequest(value: unknown): ApprovalRequest | undefined {
  const parsed = ApprovalRequest.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Asks a role or a user to approve or reject (a refund, a cost adjustment) and waits: `approved`,
 * `rejected`, or `timeout` when nobody decides in time. The decision arrives as the ticket event
 * `approval.decided` addressed to this flow and node (`POST /api/approvals/:id`).
 */
export const approval = defineNode({
  type: 'approval',
  kind: 'wait',
  icon: 'stamp',
  title: { en: 'Approval', 'zh-CN': '审批' },
  description: {
    en: 'Asks a role or a person to approve or reject, and waits for the decision or the timeout.',
    'zh-CN': '请某个角色或某个人批准或驳回，等待决定或超时。',
  },
  config: z.strictObject({
    role: describeField(z.enum(APPROVER_ROLES).optional(), {
      title: words('Approved by role', '审批角色'),
      help: words('Anyone with this role may decide (admins always may).', '具有该角色的任何人都可审批（管理员始终可以）。'),
      choices: {
        agent: words('Agent', '坐席'),
        supervisor: words('Supervisor', '主管'),
        engineer: words('Engineer', '工程师'),
        ops: words('Operations', '运维'),
        admin: words('Administrator', '管理员'),
      },
    }),
    user: describeField(z.string().max(INPUT_LIMITS.id).optional(), {
      title: words('Or by user', '或指定用户'),
      help: words("A user's id or email; left empty: the role decides.", '用户 ID 或邮箱；留空则由角色审批。'),
    }),
    question: describeField(z.string().max(INPUT_LIMITS.body).default(''), {
      title: words('What to approve', '审批事项'),
      help: words(
        'Shown to the approver, e.g. "Refund 200 yuan for order {{ticket.orderId}}".',
        '展示给审批人，例如“为订单 {{ticket.orderId}} 退款 200 元”。',
      ),
    }),
    timeout: describeField(Duration.default('24h'), {
      title: words('Give up after', '超时时长'),
      help: words('e.g. 4h, 1d', '例如 4h、1d'),
    }),
    clock: ClockKind,
    calendar: CalendarPick,
  }),
  outcomes: {
    ports: () => ['approved', 'rejected', 'timeout'],
    events: () => ['approval.decided'] as const,
    enter: (ctx, c) => {
      const now = ctx.now.getTime();
      return {
        kind: 'approval',
        requestedAt: now,
        dueAt: dueAfter(ctx, now, parseDuration(c.timeout) ?? 0, c),
        role: c.role ?? (c.user ? null : 'supervisor'),
        user: c.user ?? null,
        question: c.question,
      } satisfies ApprovalRequest;
    },
    onEvent: (ctx, _c, _memory, self) => {
      const event = ctx.event;
      if (event?.type !== 'approval.decided' || event.flow !== self.flow || event.node !== self.node) return undefined;
      return { port: event.decision === 'approve' ? 'approved' : 'rejected' };
    },
    onTimer: () => ({ port: 'timeout' }),
    dueAt: (_ctx, _c, memory) => readApprovalRequest(memory)?.dueAt ?? null,
  },
  summary: (c, locale) =>
    locale === 'en'
      ? `approval by ${c.user ?? c.role ?? 'supervisor'} within ${c.timeout}`
      : `由 ${c.user ?? c.role ?? 'supervisor'} 审批，${c.timeout} 内`,
});
