import type { FieldText, VariableNode } from '@switchyard/flow';
import type { Locale } from '../i18n/translate';

const w = (en: string, zh: string): FieldText => ({ en, 'zh-CN': zh });

/** What each fixed name means, for the variable browser (node outputs carry their node's name). */
const LABELS: Readonly<Record<string, FieldText>> = {
  'ticket.id': w('Ticket id', '工单 ID'),
  'ticket.number': w('Ticket number', '工单编号'),
  'ticket.channel': w('Channel', '渠道'),
  'ticket.subject': w('Subject', '标题'),
  'ticket.body': w('Body', '正文'),
  'ticket.customer': w('Customer', '客户'),
  'ticket.customer.id': w('Customer id', '客户 ID'),
  'ticket.customer.name': w('Customer name', '客户姓名'),
  'ticket.customer.tier': w('Customer tier', '客户等级'),
  'ticket.customer.contact': w('Customer contact', '客户联系方式'),
  'ticket.orderId': w('Order id', '订单号'),
  'ticket.category': w('Category', '分类'),
  'ticket.subcategory': w('Category level two', '二级分类'),
  'ticket.priority': w('Priority', '优先级'),
  'ticket.status': w('Status', '状态'),
  'ticket.group': w('Group', '处理组'),
  'ticket.assignee': w('Assignee', '处理人'),
  'ticket.tags': w('Tags', '标签'),
  'ticket.flags': w('Flags', '标记'),
  'ticket.escalationLevel': w('Escalation level', '升级级别'),
  'ticket.createdAt': w('Created at', '创建时间'),
  'stats.customerMessages': w('Customer messages', '客户消息数'),
  'stats.agentReplies': w('Agent replies', '客服回复数'),
  'stats.recentMessages': w('Latest customer messages', '客户最近的消息'),
  'stats.firstAgentReplyAt': w('First agent reply at', '客服首次回复时间'),
  'event.type': w('Event type', '事件类型'),
  'event.body': w('Message text', '消息内容'),
  'event.agentId': w('Agent who replied', '回复的客服'),
  'event.status': w('New status', '新状态'),
  'event.score': w('Survey score', '满意度分数'),
};

/**
 * What a variable is, in a locale: its own title (roots, node outputs), the fixed label of its
 * name, or undefined for a field of a declared output (its name says it).
 */
export function variableLabel(variable: Pick<VariableNode, 'path' | 'title'>, locale: Locale): string | undefined {
  return (variable.title ?? LABELS[variable.path])?.[locale];
}
