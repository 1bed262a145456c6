import type { TicketEvent } from '@switchyard/flow';
import { decideApproval, listApprovals } from '../approvals/approvals';
import { addNote } from '../console/agent-actions';
import { postTicketEvent } from '../durable/post-ticket-event';
import type { RuntimeContext } from '../durable/runtime-context';

/**
 * Posts a sample ticket's scripted event the way production receives it: an internal note
 * through the console's note action, a decision through the approvals API (refused there once
 * the approval has timed out or was decided, as the dry-run ignores it), an agent's reply as
 * that agent, anything else as the customer's ticket event.
 */
export async function postSampleEvent(ctx: RuntimeContext, ticketId: string, event: TicketEvent, actor?: string): Promise<void> {
  if (event.type === 'agent.action') {
    if (event.action !== 'note') throw new Error(`sample ${ticketId}: only notes of agent actions are played, not ${event.action}`);
    await addNote(ctx, ticketId, { actor: event.by, userId: 'test', agentId: event.agentId }, event.note, event.mentions);
  } else if (event.type === 'approval.decided') {
    const waiting = (await listApprovals(ctx.db, [ticketId])).find((a) => a.flowId === event.flow && a.node === event.node);
    if (waiting) await decideApproval(ctx, waiting.id, { decision: event.decision, ...(event.note ? { note: event.note } : {}) }, event.by);
  } else {
    await postTicketEvent(ctx, ticketId, event, actor ?? (event.type === 'agent.reply' ? event.agentId : 'customer'));
  }
}
