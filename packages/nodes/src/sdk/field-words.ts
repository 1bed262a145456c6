import type { FieldText } from '@switchyard/flow';

/** A label in both languages. */
export const words = (en: string, zh: string): FieldText => ({ en, 'zh-CN': zh });

/** Labels of the ticket vocabulary's values, shared by every field that offers them. */
export const PRIORITY_CHOICES: Record<string, FieldText> = {
  urgent: words('Urgent', '紧急'),
  high: words('High', '高'),
  normal: words('Normal', '普通'),
};

export const STATUS_CHOICES: Record<string, FieldText> = {
  new: words('New', '新建'),
  processing: words('Processing', '处理中'),
  pending: words('Pending (waiting on the customer)', '待客户回复'),
  resolved: words('Resolved', '已解决'),
  closed: words('Closed', '已关闭'),
};

export const CHANNEL_CHOICES: Record<string, FieldText> = {
  chat: words('Chat', '在线聊天'),
  email: words('Email', '邮件'),
  web: words('Web form', '网页表单'),
  phone: words('Phone', '电话'),
  social: words('Social media', '社交媒体'),
};

export const TIER_CHOICES: Record<string, FieldText> = {
  vip: words('VIP', 'VIP'),
  standard: words('Standard', '普通'),
};

export const EVENT_CHOICES: Record<string, FieldText> = {
  'ticket.created': words('Ticket created', '新建工单'),
  'customer.message': words('Customer message', '客户消息'),
  'agent.reply': words('Agent reply', '客服回复'),
  'ticket.status': words('Status changed', '状态变更'),
  'survey.response': words('Survey answered', '满意度回复'),
  'agent.action': words('Agent action (take, transfer, note, escalate…)', '坐席操作（接手、转派、备注、升级等）'),
  'approval.decided': words('Approval decided', '审批已决定'),
  'customer.confirmed': words('Customer confirmed', '客户已确认'),
};

/** The agent actions of the service console (`agent.action` events), by what they do. */
export const AGENT_ACTION_CHOICES: Record<string, FieldText> = {
  take: words('Take', '接手'),
  release: words('Release', '释放'),
  transfer: words('Transfer', '转派'),
  note: words('Internal note', '内部备注'),
  escalate: words('Escalate', '升级'),
  'step-in': words('Supervisor steps in', '主管介入'),
};

export const SENIORITY_CHOICES: Record<string, FieldText> = {
  junior: words('Junior', '初级'),
  mid: words('Intermediate', '中级'),
  senior: words('Senior', '高级'),
};

export const TEXT_SOURCE_CHOICES: Record<string, FieldText> = {
  ticket: words('Subject and body', '标题和正文'),
  subject: words('Subject', '标题'),
  body: words('Body', '正文'),
  message: words('The message being handled', '当前这条消息'),
};

/** Where a keyword or pattern condition looks. */
export const TEXT_SOURCE_FIELD = {
  title: words('Look in', '查找范围'),
  help: words('Which text of the ticket to search.', '在工单的哪段文字中查找。'),
  choices: TEXT_SOURCE_CHOICES,
};
