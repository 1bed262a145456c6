import type {
  AgentInput,
  AgentStatusRequest,
  DecideApprovalRequest,
  EscalateRequest,
  NoteRequest,
  ReplyRequest,
  StatusRequest,
  StepInRequest,
  TransferRequest,
  BacktestRequest,
  CreateFlowRequest,
  DryRunRequest,
  Group,
  MigrateTicketsRequest,
  NewTicket,
  PutSecretRequest,
  ReorderDeploymentsRequest,
  Scorecard,
  RolloutActionRequest,
  RolloutRequest,
  SaveCalendarRequest,
  SaveDraftRequest,
  Skill,
  TicketEvent,
} from '@switchyard/api';
import type { z } from 'zod';

/*
 * The request bodies the OpenAPI document shows, typed by the API's own request shapes (a
 * renamed field fails typecheck). record-answer-examples.ts sends exactly these to a real
 * server and keeps its answers as the answer examples, so the two always belong together.
 */

/** A small flow: a keyword condition raising the priority. */
const document = {
  id: 'refund-priority',
  name: 'Refund priority',
  description: 'Refund requests get high priority.',
  nodes: [
    { id: 'start', type: 'ticket_created', label: 'Ticket created', config: {}, position: { x: 0, y: 0 } },
    {
      id: 'is-refund',
      type: 'text_contains',
      label: 'Refund?',
      config: { source: 'ticket', keywords: ['refund', '退款'] },
      position: { x: 280, y: 0 },
    },
    { id: 'high', type: 'set_priority', label: 'Priority high', config: { priority: 'high' }, position: { x: 560, y: 0 } },
    { id: 'done', type: 'end', label: 'End', config: {}, position: { x: 840, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'is-refund' },
    { id: 'e2', source: 'is-refund', sourceHandle: 'true', target: 'high' },
    { id: 'e3', source: 'is-refund', sourceHandle: 'false', target: 'done' },
    { id: 'e4', source: 'high', sourceHandle: 'next', target: 'done' },
  ],
} satisfies z.input<typeof SaveDraftRequest>['document'];

const ticket = {
  channel: 'email',
  subject: 'Refund for order 1024',
  body: 'I returned the parcel a week ago, where is my refund?',
  customer: { id: 'C1024', name: 'Olivia Brown', tier: 'vip' },
} satisfies z.input<typeof NewTicket>;

export const REQUEST_EXAMPLES = {
  replyToTicket: { body: 'Your refund was sent today, 您的退款已于今天退回' } satisfies ReplyRequest,
  setTicketStatus: { status: 'processing' } satisfies StatusRequest,
  decideApproval: { decision: 'approve', note: '退款金额已核对' } satisfies DecideApprovalRequest,
  addTicketNote: { body: '@wang-qiang please check the refund 请帮忙核实退款', mentions: ['wang-qiang'] } satisfies NoteRequest,
  transferTicket: { group: 'after_sales', note: 'Refund question, over to after-sales 退款问题转售后' } satisfies TransferRequest,
  takeTicket: {},
  releaseTicket: {},
  escalateTicket: { note: 'Customer asked three times 客户已催三次' } satisfies EscalateRequest,
  stepIntoTicket: { cause: 'Refund stuck at the bank 银行退款卡单', resolution: 'Refunded by hand 已人工退款' } satisfies StepInRequest,
  createFlow: { name: 'Refund priority', description: 'Refund requests get high priority.', document } satisfies CreateFlowRequest,
  saveDraft: { document, revision: 1 } satisfies z.input<typeof SaveDraftRequest>,
  publishVersion: { revision: 2, note: 'Refund requests in Chinese too (退款)' },
  dryRun: {
    others: 'none',
    explain: true,
    tickets: [{ id: 'sample-1', number: 'GD2026050001', ...ticket }],
  } satisfies z.input<typeof DryRunRequest>,
  putRollout: {
    stable: 1,
    candidate: 2,
    percent: 10,
    guardrails: [{ metric: 'errorRate', above: 5, minTickets: 50 }],
    ramp: { steps: [25, 50, 100], every: '1h' },
    reason: 'Try the refund wording on 10% first',
    revision: 1,
  } satisfies z.input<typeof RolloutRequest>,
  promoteCandidate: { reason: 'Error rate as stable after a day', revision: 2 } satisfies RolloutActionRequest,
  rollBackCandidate: { reason: 'Customers found the new reply confusing', revision: 2 } satisfies RolloutActionRequest,
  migrateTickets: { from: 1, to: 2, reason: 'Move waiting tickets to the fixed version', revision: 3 } satisfies z.input<
    typeof MigrateTicketsRequest
  >,
  createTicket: ticket,
  importTickets: [
    {
      channel: 'email',
      subject: '发票还没开',
      body: '上个月的订单 DD20260412001 需要开发票',
      customer: { id: 'ZD-88213', name: '李先生' },
    },
    {
      channel: 'web',
      subject: 'Refund not received',
      body: 'Returned the shoes two weeks ago',
      customer: { id: 'ZD-90417', tier: 'vip' },
      orderId: 'DD20260420117',
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
  postTicketEvent: { type: 'customer.message', body: 'Any news about my refund?' } satisfies z.input<typeof TicketEvent>,
  saveAgent: {
    id: 'li-na',
    name: 'Li Na',
    groups: ['after-sales'],
    skills: ['refunds'],
    seniority: 'senior',
    online: true,
  } satisfies z.input<typeof AgentInput>,
  setAgentStatus: { status: 'away' } satisfies AgentStatusRequest,
  saveGroup: { id: 'after-sales', name: 'After-sales', nameZh: '售后组' } satisfies z.input<typeof Group>,
  saveSkill: { id: 'refunds', name: 'Refunds', nameZh: '退款' } satisfies z.input<typeof Skill>,
  putSecret: { value: 'erp-api-key-123' } satisfies PutSecretRequest,
  reorderDeployments: {
    order: ['intake-classify', 'complaint-billing', 'logistics-auto-reply'],
    current: ['intake-classify', 'logistics-auto-reply', 'complaint-billing'],
    reason: 'Billing complaints before the logistics auto-reply',
  } satisfies ReorderDeploymentsRequest,
  saveScorecard: {
    metrics: [
      { metric: 'automationCoverage', target: 0.7, weight: 40 },
      { metric: 'csatSatisfied', target: 0.9, weight: 30 },
      { metric: 'firstResponseMedianMinutes', target: 30, weight: 30 },
    ],
    cap: 1,
  } satisfies Scorecard,
  startBacktest: {
    version: 1,
    from: '2026-04-24T00:00:00+08:00',
    to: '2026-05-01T00:00:00+08:00',
    limit: 1000,
    filter: { channel: 'chat' },
  } satisfies BacktestRequest,
  saveCalendar: {
    id: 'after-sales-hours',
    name: '售后组工作时间 After-sales hours',
    timeZone: 'Asia/Shanghai',
    week: {
      mon: [
        { from: '09:00', to: '12:00' },
        { from: '13:00', to: '18:00' },
      ],
      tue: [{ from: '09:00', to: '18:00' }],
      wed: [{ from: '09:00', to: '18:00' }],
      thu: [{ from: '09:00', to: '18:00' }],
      fri: [{ from: '09:00', to: '18:00' }],
    },
    holidays: [{ date: '2026-10-01', name: '国庆节 National Day' }],
    workdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
    groups: ['after-sales'],
  } satisfies SaveCalendarRequest,
} as const;
