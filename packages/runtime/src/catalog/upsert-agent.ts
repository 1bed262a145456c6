import { Agent, presenceOf } from '@switchyard/nodes';
import { json } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';
import { listAgents } from './list-agents';

/**
 * Creates or replaces an agent (by id) and returns it with its current load. `openTickets`
 * and `lastRouted` are kept from the tickets (migration 0024), so values sent for them are
 * ignored; every group named must exist.
 * @example await upsertAgent(ctx, { id: 'li-na', name: '李娜', groups: ['after_sales'], skills: ['returns'] }, 'alice');
 */
export async function upsertAgent(ctx: RuntimeContext, input: unknown, actor: string): Promise<Agent> {
  const { openTickets: _counted, lastRouted: _turn, groupTurns: _groupTurns, ...agent } = parseInput(Agent, input);
  return inTransaction(ctx.db, async (trx) => {
    if (agent.groups.length > 0) {
      const known = new Set((await trx.selectFrom('groups').select('id').where('id', 'in', agent.groups).execute()).map((g) => g.id));
      const issues = agent.groups.flatMap((g, i) => (known.has(g) ? [] : [{ path: `groups.${i}`, message: `no group "${g}"` }]));
      if (issues.length > 0) throw new RuntimeInputError('invalid request', 400, issues);
    }
    // Presence: `status` when sent, else `online` as online or offline; the two columns never disagree.
    const status = presenceOf(agent);
    const row = {
      name: agent.name,
      groups: json(agent.groups),
      skills: json(agent.skills),
      seniority: agent.seniority,
      online: status === 'online',
      status,
      capacity: agent.capacity ?? null,
      supervisor: agent.supervisor,
    };
    await trx
      .insertInto('agents')
      .values({ id: agent.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, { at: ctx.clock.now(), actor, kind: 'agent.saved', detail: agent });
    const [saved] = await listAgents(trx, [agent.id]);
    if (!saved) throw new Error(`agent ${agent.id} was saved but cannot be read back`);
    return saved;
  });
}
