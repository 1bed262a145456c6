import fc from 'fast-check';
import { AgentActionKind, Channel, CustomerTier, Priority, TicketEventType, TicketStatus } from '@switchyard/flow';
import { TicketField } from '@switchyard/nodes';
import { SCENARIO_WORDS } from './scenario-words';

/** A node config as a flow document holds it. */
export type NodeConfig = Record<string, unknown>;

/**
 * Durations for delays and timeouts. None is short: a wait may sit in a loop, and a loop
 * of 2 h waits already fires 360 times in a 30-day dry-run.
 */
export const WAIT_DURATIONS = ['2h', '6h', '1d', '2d 4h', '1h30m 30m', '7d', '40d'] as const;

const statusFilter = fc.oneof(fc.constantFrom(...TicketStatus.options), fc.subarray([...TicketStatus.options], { minLength: 1 }));
const name = fc.constantFrom('vip', 'after_sales', 'logistics', '物流', 'finance-2', 'abnormal');
const template = fc.constantFrom(
  '您好，工单 {{ticket.number}} 已收到',
  'Order {{orderNumber}}: we are on it',
  '{{#vars}}有结果{{/vars}} {{ticket.customer.name}}',
  'plain text',
);

/** `field_compare` configs that make sense for the field: its values, operators and types. */
const fieldCompare: fc.Arbitrary<NodeConfig> = fc.oneof(
  fc.record({ field: fc.constant('priority'), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom(...Priority.options) }),
  fc.record({
    field: fc.constant('status'),
    op: fc.constantFrom('in', 'not_in'),
    value: fc.subarray([...TicketStatus.options], { minLength: 1 }),
  }),
  fc.record({ field: fc.constant('channel'), op: fc.constant('eq'), value: fc.constantFrom(...Channel.options) }),
  fc.record({ field: fc.constantFrom('category', 'subcategory'), op: fc.constantFrom('eq', 'neq'), value: name }),
  fc.record({ field: fc.constant('customer.tier'), op: fc.constant('eq'), value: fc.constantFrom(...CustomerTier.options) }),
  fc.record({
    field: fc.constantFrom('tags', 'flags'),
    op: fc.constant('contains'),
    value: fc.array(name, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    field: fc.constant('escalationLevel'),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    value: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ field: fc.constantFrom(...TicketField.options), op: fc.constantFrom('exists', 'not_exists') }),
);

/** CEL expressions over what a condition sees, each giving a boolean for any ticket. */
const expression = fc.constantFrom(
  'ticket.priority == "urgent"',
  'stats.customerMessages >= 2 && ticket.customer.tier == "vip"',
  'ticket.orderId == null || ticket.channel == "email"',
  'stats.agentReplies == 0',
  'now > 0',
  'size(ticket.tags) > 0',
);

/**
 * A valid config for every built-in node type, as an arbitrary. The test checks that the
 * table lists every built-in, so a new node is not left out of the random flows.
 */
export const VALID_CONFIGS: Readonly<Record<string, fc.Arbitrary<NodeConfig>>> = {
  ticket_created: fc.constant({}),
  customer_message: fc.constant({}),
  agent_reply: fc.constant({}),
  status_changed: fc.record({ status: statusFilter }, { requiredKeys: [] }),
  survey_response: fc.record({ maxScore: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] }),
  agent_action: fc.record({ actions: fc.subarray([...AgentActionKind.options], { minLength: 1 }) }, { requiredKeys: [] }),
  text_contains: fc.record(
    {
      source: fc.constantFrom('ticket', 'subject', 'body', 'message'),
      keywords: fc.subarray([...SCENARIO_WORDS], { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['keywords'] },
  ),
  text_matches: fc.record(
    {
      source: fc.constantFrom('ticket', 'subject', 'body', 'message'),
      pattern: fc.constantFrom('退款|refund', 'DD\\d+', '^(投诉|物流)', '(a+)+$', '1[3-9]\\d{9}'),
    },
    { requiredKeys: ['pattern'] },
  ),
  field_compare: fieldCompare,
  customer_tier: fc.record({ tier: fc.constantFrom(...CustomerTier.options) }, { requiredKeys: [] }),
  channel_is: fc.record({ channels: fc.subarray([...Channel.options], { minLength: 1 }) }),
  has_order_number: fc.constant({}),
  message_count: fc.record({ op: fc.constantFrom('eq', 'gte'), count: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: ['count'] }),
  repeated_message: fc.record({ times: fc.integer({ min: 2, max: 4 }) }, { requiredKeys: [] }),
  business_hours: fc.record(
    {
      timezone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      start: fc.constantFrom('00:00', '08:30', '09:00'),
      end: fc.constantFrom('12:00', '18:00', '23:59'),
    },
    { requiredKeys: [] },
  ),
  expression: fc.record({ expression }),
  delay: fc.record({ duration: fc.constantFrom(...WAIT_DURATIONS) }),
  sla_policy: fc.record(
    {
      target: fc.constantFrom('first_response', 'next_response', 'periodic_update', 'resolution'),
      urgent: fc.constantFrom(...WAIT_DURATIONS),
      high: fc.constantFrom(...WAIT_DURATIONS),
      normal: fc.constantFrom(...WAIT_DURATIONS),
      vipUrgent: fc.constantFrom(...WAIT_DURATIONS),
      warnBefore: fc.constantFrom('30m', '1h'),
      from: fc.constantFrom('step', 'ticket_created'),
      clock: fc.constantFrom('clock', 'business'),
    },
    { requiredKeys: [] },
  ),
  approval: fc.record(
    { role: fc.constantFrom('supervisor', 'admin'), timeout: fc.constantFrom(...WAIT_DURATIONS), question: template },
    { requiredKeys: [] },
  ),
  confirmation: fc.record(
    { remindAfter: fc.constantFrom(...WAIT_DURATIONS), timeout: fc.constantFrom(...WAIT_DURATIONS) },
    { requiredKeys: [] },
  ),
  wait_for_event: fc
    .record(
      {
        event: fc.constantFrom(...TicketEventType.options),
        timeout: fc.constantFrom(...WAIT_DURATIONS),
        from: fc.constantFrom('step', 'ticket_created'),
        status: statusFilter,
      },
      { requiredKeys: ['event', 'timeout'] },
    )
    // A status filter is for ticket.status waits only; elsewhere it would never match.
    .map(({ status, ...rest }) => (rest.event === 'ticket.status' && status !== undefined ? { ...rest, status } : rest)),
  assign: fc.oneof(
    fc.record({ group: fc.constantFrom('after_sales', 'logistics'), agent: fc.constantFrom('a1', 'nobody') }, { requiredKeys: ['group'] }),
    fc.record(
      {
        strategy: fc.constant('least_loaded'),
        group: fc.constantFrom('after_sales', 'logistics', 'tech_support'),
        skill: fc.constantFrom('returns', 'refunds'),
        seniority: fc.constantFrom('junior', 'mid', 'senior'),
        maxOpen: fc.integer({ min: 1, max: 10 }),
        fallback: fc.constantFrom('group_least_loaded', 'none'),
        categorySkill: fc.constantFrom('none', 'preferred', 'required'),
      },
      { requiredKeys: ['strategy'] },
    ),
  ),
  set_priority: fc.record({ priority: fc.constantFrom(...Priority.options) }),
  set_category: fc.record({ category: name, subcategory: name }, { requiredKeys: ['category'] }),
  set_status: fc.record({ status: fc.constantFrom(...TicketStatus.options) }),
  add_tag: fc.record({ tag: name }),
  flag: fc.record({ flag: name }),
  reply: fc.record({ template, templateEn: template }, { requiredKeys: ['template'] }),
  notify: fc.record(
    { to: fc.constantFrom('assignee', 'supervisor', 'group'), via: fc.constantFrom('im', 'email', 'sms'), template },
    { requiredKeys: ['template'] },
  ),
  escalate: fc.record(
    { level: fc.integer({ min: 1, max: 3 }), to: fc.constantFrom('supervisor', 'manager'), reason: fc.constantFrom('SLA', '客户投诉') },
    { requiredKeys: [] },
  ),
  transfer: fc.record({ group: name }),
  handoff: fc.record({ group: name }, { requiredKeys: [] }),
  http: fc.record(
    {
      method: fc.constantFrom('GET', 'POST'),
      url: fc.constantFrom('https://erp.example/orders/{{orderNumber}}', 'https://crm.example/customers/{{ticket.customer.id}}'),
      headers: fc.constant({ 'x-team': 'cs' }),
      body: fc.constant('{"ticket":"{{ticket.id}}"}'),
      sampleResponse: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['url'] },
  ),
  survey: fc.record({ validDays: fc.integer({ min: 1, max: 90 }) }, { requiredKeys: [] }),
  end: fc.constant({}),
};

/** The valid-config arbitrary of a type; throws for a type the table lacks (a test bug). */
export function validConfig(type: string): fc.Arbitrary<NodeConfig> {
  const arbitrary = VALID_CONFIGS[type];
  if (!arbitrary) throw new Error(`no valid configs for node type ${type}: add it to VALID_CONFIGS`);
  return arbitrary;
}
