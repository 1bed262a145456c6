import { describe, expect, it } from 'vitest';
import { routeAgent } from './route-agent';
import { Roster } from './roster';
import { takeTurn } from './routing-turns';

const roster = Roster.parse({
  groups: [{ id: 'g', name: 'G' }],
  agents: [
    { id: 'a', name: 'A', groups: ['g'], openTickets: 3, capacity: 8, lastRouted: 3 },
    { id: 'b', name: 'B', groups: ['g'], openTickets: 2, capacity: 2, lastRouted: 1 },
    { id: 'c', name: 'C', groups: ['g'], openTickets: 1, capacity: 2, lastRouted: 2, skills: ['returns'] },
    { id: 'd', name: 'D', groups: ['g'], openTickets: 0, status: 'away' },
    { id: 'e', name: 'E', groups: ['g'], openTickets: 0, online: false },
    { id: 'f', name: 'F', groups: ['other'], openTickets: 0 },
  ],
});

describe('routeAgent', () => {
  it('least loaded: fewest open tickets among online agents below capacity', () => {
    expect(routeAgent(roster, { strategy: 'least_loaded', group: 'g' })?.id).toBe('c');
  });

  it('round robin: whoever was routed longest ago, skipping agents at capacity, away or offline', () => {
    // b has the oldest turn but is full (2 of 2); d is away, e offline.
    expect(routeAgent(roster, { strategy: 'round_robin', group: 'g' })?.id).toBe('c');
    const next = { ...roster, agents: roster.agents.map((a) => (a.id === 'c' ? { ...a, lastRouted: 4 } : a)) };
    expect(routeAgent(next, { strategy: 'round_robin', group: 'g' })?.id).toBe('a');
  });

  it('round robin cycles through the group when each pick becomes the latest turn', () => {
    let team = Roster.parse({ agents: ['x', 'y', 'z'].map((id) => ({ id, name: id, groups: ['g'] })) });
    const picks: string[] = [];
    for (let turn = 1; turn <= 6; turn++) {
      const agent = routeAgent(team, { strategy: 'round_robin', group: 'g' });
      picks.push(agent?.id ?? '-');
      team = { ...team, agents: team.agents.map((a) => (a.id === agent?.id ? { ...a, lastRouted: turn } : a)) };
    }
    expect(picks).toEqual(['x', 'y', 'z', 'x', 'y', 'z']);
  });

  it('round robin rotates within each group: an agent of two groups has a turn in each (issue 21)', () => {
    let team = Roster.parse({
      agents: [
        { id: 'x', name: 'X', groups: ['g', 'h'], groupTurns: {} },
        { id: 'y', name: 'Y', groups: ['g'], groupTurns: {} },
        { id: 'z', name: 'Z', groups: ['h'], groupTurns: {} },
      ],
    });
    const picks: string[] = [];
    let turn = 0;
    for (const group of ['g', 'h', 'g', 'h', 'g', 'h']) {
      const agent = routeAgent(team, { strategy: 'round_robin', group });
      picks.push(`${group}:${agent?.id ?? '-'}`);
      team = { ...team, agents: team.agents.map((a) => (a.id === agent?.id ? takeTurn(a, group, ++turn) : a)) };
    }
    // Per agent alone, x's turn in g would have sent h's first ticket to z; per group, x leads both queues once.
    expect(picks).toEqual(['g:x', 'h:x', 'g:y', 'h:z', 'g:x', 'h:x']);
  });

  it('load balanced: the lowest share of capacity (3 of 8 beats 1 of 2)', () => {
    expect(routeAgent(roster, { strategy: 'load_balanced', group: 'g' })?.id).toBe('a');
  });

  it('requires every skill, leaves out excluded agents and answers undefined when nobody fits', () => {
    expect(routeAgent(roster, { strategy: 'least_loaded', group: 'g', skills: ['returns'] })?.id).toBe('c');
    expect(routeAgent(roster, { strategy: 'least_loaded', group: 'g', skills: ['returns'], exclude: new Set(['c']) })).toBeUndefined();
    expect(routeAgent(roster, { strategy: 'least_loaded', group: 'g', preferredSkills: ['returns'] })?.id).toBe('c');
  });
});
