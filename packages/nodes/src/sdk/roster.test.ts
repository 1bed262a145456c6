import { describe, expect, it } from 'vitest';
import { consideredAgents, leastLoadedAgent, Roster } from './roster';

const roster = Roster.parse({
  groups: [{ id: 'after_sales', name: 'After-sales' }],
  agents: [
    { id: 'b', name: 'B', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 2 },
    { id: 'a', name: 'A', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 2 },
    { id: 'c', name: 'C', groups: ['after_sales'], skills: ['returns'], seniority: 'junior', openTickets: 0 },
    { id: 'd', name: 'D', groups: ['after_sales'], openTickets: 1 },
    { id: 'z', name: 'Z', groups: ['after_sales'], skills: ['returns'], seniority: 'senior', openTickets: 0, online: false },
    { id: 'l', name: 'L', groups: ['logistics'], skills: ['returns'], openTickets: 0 },
  ],
});

describe('Roster', () => {
  it('fills agent defaults: mid seniority, no skills, online, not a supervisor', () => {
    expect(Roster.parse({ agents: [{ id: 'x', name: 'X' }] }).agents[0]).toEqual({
      id: 'x',
      name: 'X',
      groups: [],
      skills: [],
      seniority: 'mid',
      openTickets: 0,
      online: true,
      supervisor: false,
    });
  });
});

describe('leastLoadedAgent', () => {
  it('picks the online agent with the fewest open tickets', () => {
    expect(leastLoadedAgent(roster, {})?.id).toBe('c');
    expect(leastLoadedAgent(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior' })?.id).toBe('a');
  });

  it('filters by group, skill, seniority and load', () => {
    expect(leastLoadedAgent(roster, { group: 'logistics' })?.id).toBe('l');
    expect(leastLoadedAgent(roster, { group: 'after_sales', seniority: 'mid' })?.id).toBe('d');
    expect(leastLoadedAgent(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior', maxOpen: 2 })).toBeUndefined();
    expect(leastLoadedAgent(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior', maxOpen: 3 })?.id).toBe('a');
  });

  it('breaks ties by the lower id, whatever the order', () => {
    const reversed = { ...roster, agents: [...roster.agents].reverse() };
    const criteria = { group: 'after_sales', seniority: 'senior' } as const;
    expect(leastLoadedAgent(roster, criteria)?.id).toBe('a');
    expect(leastLoadedAgent(reversed, criteria)?.id).toBe('a');
  });

  it('skips offline agents and returns undefined when nobody fits', () => {
    expect(leastLoadedAgent(roster, { skill: 'returns', seniority: 'senior', maxOpen: 1 })).toBeUndefined();
    expect(leastLoadedAgent(roster, { group: 'finance' })).toBeUndefined();
  });
});

describe('consideredAgents (issue 18: the trace names who was passed over and why)', () => {
  it('marks the pick and gives each other agent of the group the first criterion they failed', () => {
    const considered = consideredAgents(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior', maxOpen: 3 });
    expect(considered).toEqual([
      { agent: 'b', open: 2, passedOver: 'more_load' },
      { agent: 'a', open: 2 },
      { agent: 'c', open: 0, passedOver: 'seniority' },
      { agent: 'd', open: 1, passedOver: 'no_skill' },
      { agent: 'z', open: 0, passedOver: 'offline' },
    ]);
    expect(considered.find((c) => c.passedOver === undefined)?.agent).toBe(
      leastLoadedAgent(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior', maxOpen: 3 })?.id,
    );
  });

  it('says at_capacity for agents at the load limit, and has no pick when nobody fits', () => {
    const considered = consideredAgents(roster, { group: 'after_sales', skill: 'returns', seniority: 'senior', maxOpen: 2 });
    expect(considered.filter((c) => c.passedOver === 'at_capacity').map((c) => c.agent)).toEqual(['b', 'a']);
    expect(considered.every((c) => c.passedOver !== undefined)).toBe(true);
  });
});
