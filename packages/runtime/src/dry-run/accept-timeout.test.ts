import { Roster } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun } from '../index';

/* Issue 21: an assignment waits to be accepted; when the accept time passes, the ticket goes to the next agent. */
const roster = Roster.parse({
  groups: [{ id: 'tech', name: 'Tech' }],
  agents: [
    { id: 't1', name: 'T1', groups: ['tech'], openTickets: 0 },
    { id: 't2', name: 'T2', groups: ['tech'], openTickets: 1 },
  ],
});
const flow = compileFixture(
  'accept',
  {
    start: 'ticket_created',
    route: ['assign', { strategy: 'least_loaded', group: 'tech', acceptTimeout: '5m' }],
    done: ['add_tag', { tag: 'routed' }],
  },
  ['start -> route', 'route -> done'],
);
const START = new Date(Date.parse(virtualTime('1m')) - 60_000).toISOString();
const run = async (events: Parameters<typeof fixtureTicket>[1]) =>
  (await dryRun([flow], [fixtureTicket('t', events)], { registry: builtinRegistry, roster }))[0];

describe('dry-run: the accept time of an assignment', () => {
  it('goes on at once when the agent replies in time', async () => {
    const result = await run({ events: [{ at: '+3m', type: 'agent.reply', agentId: 't1' }] });
    expect(result?.actions.map((a) => [a.at, a.node, a.params.agent ?? a.params.tag])).toEqual([
      [START, 'route', 't1'],
      [virtualTime('3m'), 'done', 'routed'],
    ]);
  });

  it('re-routes after the accept time, then gives up and goes on with the last agent', async () => {
    const result = await run({});
    expect(result?.actions.map((a) => [a.at, a.node, a.params.agent ?? a.params.tag])).toEqual([
      [START, 'route', 't1'],
      [virtualTime('5m'), 'route', 't2'],
      [virtualTime('10m'), 'route', 't2'],
      [virtualTime('10m'), 'done', 'routed'],
    ]);
    expect(result?.final.assignee).toBe('t2');
    expect(result?.path).toEqual(['start', 'route', 'route', 'route', 'done']);
  });

  it('counts a move to processing as accepting', async () => {
    const result = await run({ events: [{ at: '+7m', type: 'ticket.status', status: 'processing' }] });
    expect(result?.final).toMatchObject({ assignee: 't2', tags: ['routed'] });
  });
});
