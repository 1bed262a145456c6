import type { AnyStateMachine } from 'xstate';
import { intakeClassify } from './01-intake-classify';
import { logisticsAutoReply } from './02-logistics-auto-reply';
import { afterSalesRouting } from './03-after-sales-routing';
import { slaFirstResponse } from './04-sla-first-response';
import { csatSurvey } from './05-csat-survey';
import { abnormalTicket } from './06-abnormal-ticket';
import { humanHandoff } from './07-human-handoff';
import { autoResolveNoReply } from './08-auto-resolve-no-reply';
import { urgentFaultLadder } from './09-urgent-fault-ladder';
import { complaintBilling } from './10-complaint-billing';
import { slaBusinessHours } from './11-sla-business-hours';
import { techCause24h } from './12-tech-cause-24h';
import { refundApproval } from './13-refund-approval';
import { urgentSeniorFirst } from './14-urgent-senior-first';

/** The example scenarios as hand-written machines, in the order the example flows run. */
export const baselineMachines: readonly AnyStateMachine[] = [
  intakeClassify,
  logisticsAutoReply,
  afterSalesRouting,
  slaFirstResponse,
  csatSurvey,
  abnormalTicket,
  humanHandoff,
  autoResolveNoReply,
  urgentFaultLadder,
  complaintBilling,
  slaBusinessHours,
  techCause24h,
  refundApproval,
  urgentSeniorFirst,
];
