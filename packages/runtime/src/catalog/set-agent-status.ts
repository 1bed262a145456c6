import { type Agent, AgentStatus } from '@switchyard/nodes';
import { z } from 'zod';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError } from '../errors';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';
import { listAgents } from './list-agents';

const AgentStatusInput = z.strictObject({ status: AgentStatus });

/**
 * Sets an agent's presence (online, away, offline) and returns the agent: only online agents
 * are routed new tickets. Audited as a save of the agent, with the new status.
 * @example await setAgentStatus(ctx, 'li-na', { status: 'away' }, 'li-na@example.com');
 */
export async function setAgentStatus(ctx: RuntimeContext, agentId: string, input: unknown, actor: string): Promise<Agent> {
  const { status } = parseInput(AgentStatusInput, input);
  return inTransaction(ctx.db, async (trx) => {
    const updated = await trx
      .updateTable('agents')
      .set({ status, online: status === 'online' })
      .where('id', '=', agentId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new NotFoundError('agent', agentId);
    await appendAudit(trx, { at: ctx.clock.now(), actor, kind: 'agent.saved', detail: { id: agentId, status } });
    const [saved] = await listAgents(trx, [agentId]);
    if (!saved) throw new Error(`agent ${agentId} was saved but cannot be read back`);
    return saved;
  });
}
