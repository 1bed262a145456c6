import type { Ticket } from '@switchyard/flow';
import type { Roster } from '@switchyard/nodes';
import { setup } from 'xstate';
import type { Step } from '../baseline-run';
import { machineTypes, onTicket, rec, record } from '../baseline-setup';
import { pickAgent } from '../pick-agent';

/** A senior agent of the ticket's group (one with the skill its category path names first), else the group's least loaded. */
function assignSenior(roster: Roster, t: Ticket): Step {
  const group = t.group ?? undefined;
  const inGroup = (groups: readonly string[]) => group === undefined || groups.includes(group);
  const path = t.category === null ? undefined : t.subcategory === null ? t.category : `${t.category}/${t.subcategory}`;
  const senior = (skilled: boolean) =>
    pickAgent(roster, (a) => inGroup(a.groups) && a.seniority === 'senior' && (!skilled || (path !== undefined && a.skills.includes(path))));
  const picked = senior(true) ?? senior(false) ?? pickAgent(roster, (a) => inGroup(a.groups));
  return {
    type: 'assign',
    params: { group: group ?? null, agent: picked?.id ?? null, ...(picked ? {} : { reason: 'no agent available' }) },
    patch: { group: group ?? null, ...(picked ? { assignee: picked.id } : {}) },
  };
}

/** Scenario 14: an urgent ticket nobody has yet goes to a senior agent of its group first. */
export const urgentSeniorFirst = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'urgent-senior-first',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.priority === 'urgent' && t.assignee === null),
          actions: rec(({ event }) => assignSenior(event.run.roster, event.run.ticket)),
        },
      },
    },
  },
});
