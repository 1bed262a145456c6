import { assign } from './actions/assign';
import { http } from './actions/http';
import { notify, reply, survey } from './actions/message-actions';
import { addTag, escalate, flag, handoff, setCategory, setPriority, setStatus, transfer } from './actions/ticket-field-actions';
import { businessHours } from './conditions/business-hours';
import { channelIs } from './conditions/channel-is';
import { customerTier } from './conditions/customer-tier';
import { expression } from './conditions/expression';
import { fieldCompare } from './conditions/field-compare';
import { hasOrderNumber } from './conditions/has-order-number';
import { messageCount } from './conditions/message-count';
import { repeatedMessage } from './conditions/repeated-message';
import { textContains } from './conditions/text-contains';
import { textMatches } from './conditions/text-matches';
import { end } from './end';
import type { NodeDefinition } from './sdk/define-node';
import { agentActionTrigger } from './triggers/agent-action-trigger';
import { agentReply, customerMessage, statusChanged, surveyResponse, ticketCreated } from './triggers/event-triggers';
import { approval } from './service-levels/approval';
import { confirmation } from './service-levels/confirmation';
import { slaPolicy } from './service-levels/sla-policy';
import { delay } from './waits/delay';
import { waitForEvent } from './waits/wait-for-event';

/** Every node Switchyard ships, in palette order. */
export const builtinNodes: readonly NodeDefinition[] = [
  ticketCreated,
  customerMessage,
  agentReply,
  statusChanged,
  surveyResponse,
  agentActionTrigger,
  textContains,
  textMatches,
  fieldCompare,
  customerTier,
  channelIs,
  hasOrderNumber,
  messageCount,
  repeatedMessage,
  businessHours,
  expression,
  delay,
  waitForEvent,
  slaPolicy,
  approval,
  confirmation,
  assign,
  setPriority,
  setCategory,
  setStatus,
  addTag,
  flag,
  reply,
  notify,
  escalate,
  transfer,
  handoff,
  http,
  survey,
  end,
];
