import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { Role } from './permissions';

/** An approval a flow waits for (issue 21): what to decide, for which ticket, who may decide, until when. */
export const ApprovalView = z
  .object({
    /** Opaque: names the ticket, flow, node and the moment it was asked. */
    id: z.string(),
    ticketId: z.string(),
    ticketNumber: z.string(),
    subject: z.string(),
    flowId: z.string(),
    node: z.string(),
    /** The asking node's label in the flow version the ticket runs (absent when it has none, or the version is gone). */
    nodeLabel: z.string().optional(),
    question: z.string(),
    /** Who may decide: anyone with `role`, or `user` (an id or email); admins always may. */
    role: Role.nullable(),
    user: z.string().nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
    /** When the flow stops waiting and goes on by its `timeout` branch. */
    dueAt: z.iso.datetime({ offset: true }),
    /** The name of the flow that asked (absent when the flow is gone). */
    flowName: z.string().optional(),
    /** Decided approvals only (`GET /api/approvals?status=decided`): the answer, its note, who gave it and when. */
    decision: z.enum(['approve', 'reject']).optional(),
    note: z.string().nullable().optional(),
    decidedBy: z.string().optional(),
    decidedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'ApprovalView' });
export type ApprovalView = z.infer<typeof ApprovalView>;

export const ApprovalList = z.array(ApprovalView).meta({ id: 'ApprovalList' });
export type ApprovalList = z.infer<typeof ApprovalList>;

/** GET /api/approvals: `waiting` (the default) lists what flows wait for; `decided`, the decisions taken, newest first. */
export const ApprovalListQuery = z
  .object({
    status: z.enum(['waiting', 'decided']).default('waiting').meta({
      description: 'waiting: approvals flows wait for now (oldest first); decided: the last 200 decisions (newest first)',
      example: 'waiting',
    }),
  })
  .meta({ id: 'ApprovalListQuery' });
export type ApprovalListQuery = z.infer<typeof ApprovalListQuery>;

/** POST /api/approvals/:id: the decision and an optional note, kept in the audit log. */
export const DecideApprovalRequest = z
  .strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().max(INPUT_LIMITS.body).optional() })
  .meta({ id: 'DecideApprovalRequest' });
export type DecideApprovalRequest = z.infer<typeof DecideApprovalRequest>;

/** Whether a person (roles, id, email) may decide an approval. */
export function mayDecide(
  person: { roles: readonly Role[]; id: string; email: string },
  approval: Pick<ApprovalView, 'role' | 'user'>,
): boolean {
  if (person.roles.includes('admin')) return true;
  if (approval.user !== null) return approval.user === person.id || approval.user === person.email;
  return approval.role !== null && person.roles.includes(approval.role);
}

/**
 * Why a person may not decide an approval, in both languages: who was asked instead (the 404 of
 * `POST /api/approvals/:id` carries it as `details.message`).
 * @example approvalRefusal({ role: 'supervisor', user: null })['zh-CN'] // '此审批只能由角色 supervisor 的成员或管理员决定。'
 */
export function approvalRefusal(approval: Pick<ApprovalView, 'role' | 'user'>): { en: string; 'zh-CN': string } {
  if (approval.user !== null)
    return {
      en: `Only ${approval.user} (or an admin) may decide this approval.`,
      'zh-CN': `此审批只能由 ${approval.user}（或管理员）决定。`,
    };
  return {
    en: `Only members of the role ${approval.role ?? '-'} (or an admin) may decide this approval.`,
    'zh-CN': `此审批只能由角色 ${approval.role ?? '-'} 的成员或管理员决定。`,
  };
}
