import type { Roster } from '@switchyard/nodes';
import { setup } from 'xstate';
import type { Step } from '../baseline-run';
import { machineTypes, onTicket, rec, record } from '../baseline-setup';
import { pickAgent } from '../pick-agent';

const GROUP = 'after_sales';

function assignTo(roster: Roster, vip: boolean): Step {
  const inGroup = (groups: readonly string[]) => groups.includes(GROUP);
  const picked = vip
    ? (pickAgent(roster, (a) => inGroup(a.groups) && a.skills.includes('returns') && a.seniority === 'senior' && a.openTickets < 3) ??
      pickAgent(roster, (a) => inGroup(a.groups)))
    : pickAgent(roster, (a) => inGroup(a.groups) && a.skills.includes('returns'));
  return {
    type: 'assign',
    params: { group: GROUP, agent: picked?.id ?? null, ...(picked ? {} : { reason: 'no agent available' }) },
    patch: { group: GROUP, ...(picked ? { assignee: picked.id } : {}) },
  };
}

/** Scenario 3: VIP to a free senior returns agent (else the group's least loaded), others to a returns agent. */
export const afterSalesRouting = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'after-sales-routing',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.category === GROUP),
          actions: rec(({ event }) => assignTo(event.run.roster, event.run.ticket.customer.tier === 'vip')),
        },
      },
    },
  },
});
