import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Roster } from '../sdk/roster';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { assign } from './assign';

const roster: z.input<typeof Roster> = {
  groups: [
    { id: 'tech', name: 'Tech' },
    { id: 'spare', name: 'Spare' },
  ],
  agents: [
    { id: 't1', name: 'T1', groups: ['tech'], skills: ['network'], openTickets: 1, lastRouted: 5 },
    { id: 't2', name: 'T2', groups: ['tech'], skills: ['network', 'vpn'], openTickets: 3, lastRouted: 2 },
    { id: 't3', name: 'T3', groups: ['tech'], skills: [], openTickets: 0, lastRouted: 9, status: 'offline' },
    { id: 's1', name: 'S1', groups: ['spare'], skills: ['network'], openTickets: 7 },
  ],
};
const CREATED = '2024-05-06T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000);

const run = async (input: z.input<typeof assign.config>, options: Parameters<typeof createTestContext>[0] = {}) =>
  assign.run(createTestContext({ roster, node: 'route', ...options }), parseConfig(assign, input));

describe('assign: routing strategies (issue 21)', () => {
  it('round robin gives the ticket to the online agent of the group whose turn it is', async () => {
    const result = await run({ strategy: 'round_robin', group: 'tech' });
    expect(result.patch).toEqual({ group: 'tech', assignee: 't2' });
  });

  it('waits for a preferred skill while its time runs, then drops it', async () => {
    const config = { strategy: 'least_loaded' as const, group: 'tech', preferredSkills: ['database'], preferredFor: '10m' };
    const early = await run(config, { now: at(5) });
    expect(early.output).toEqual({ agent: null, waiting: 'preferred_skills' });
    expect(early.patch).toEqual({ group: 'tech' });
    const late = await run(config, { now: at(11) });
    expect(late.patch).toEqual({ group: 'tech', assignee: 't1' });
  });

  it('prefers the preferred skill when someone has it', async () => {
    const result = await run({
      strategy: 'least_loaded',
      group: 'tech',
      skills: ['network'],
      preferredSkills: ['vpn'],
      preferredFor: '10m',
    });
    expect(result.output).toMatchObject({ agent: 't2' });
  });

  it('re-routes to the next agent when the accept time ran out, and keeps the last when nobody is left', async () => {
    const config = { strategy: 'least_loaded', group: 'tech', acceptTimeout: '5m' } as const;
    const second = await run(config, { vars: { route: { agent: 't1', expired: true } }, ticket: { assignee: 't1' } });
    expect(second.output).toEqual({ agent: 't2', name: 'T2', offered: ['t1'] });
    const none = await run(config, { vars: { route: { agent: 't2', offered: ['t1'], expired: true } }, ticket: { assignee: 't2' } });
    expect(none.output).toEqual({ agent: 't2', offered: ['t1', 't2'], exhausted: true });
    expect(none.patch).toEqual({ group: 'tech' });
    expect(assign.hold?.holds(none.output, parseConfig(assign, config))).toBe(false);
    expect(assign.hold?.holds(second.output, parseConfig(assign, config))).toBe(true);
  });

  it('overflows to another group when nobody in the group can take it', async () => {
    const result = await run(
      { strategy: 'least_loaded', group: 'tech', skills: ['network'], overflowGroup: 'spare' },
      {
        vars: { route: { agent: 't2', offered: ['t1'], expired: true } },
      },
    );
    expect(result.patch).toEqual({ group: 'spare', assignee: 's1' });
    expect(result.output).toMatchObject({ agent: 's1', overflowed: true });
  });

  it('holds only configs with an accept time or a preferred-skills wait, for the time left', () => {
    const hold = assign.hold;
    expect(hold?.enabled(parseConfig(assign, { strategy: 'round_robin', group: 'tech' }))).toBe(false);
    const both = parseConfig(assign, { strategy: 'round_robin', preferredSkills: ['vpn'], preferredFor: '10m', acceptTimeout: '15m' });
    expect(hold?.enabled(both)).toBe(true);
    expect(hold?.delayMs(createTestContext({ now: at(4) }), both)).toBe(6 * 60_000);
    expect(hold?.delayMs(createTestContext({ now: at(12) }), both)).toBe(15 * 60_000);
  });

  it('counts a reply by the assignee or a status change as accepting', () => {
    const config = parseConfig(assign, { strategy: 'round_robin', acceptTimeout: '5m' });
    const accepts = (options: Parameters<typeof createTestContext>[0]) => assign.hold?.matches(createTestContext(options), config);
    expect(accepts({ ticket: { assignee: 't1' }, event: { type: 'agent.reply', agentId: 't1', body: '' } })).toBe(true);
    expect(accepts({ ticket: { assignee: 't1' }, event: { type: 'agent.reply', agentId: 't2', body: '' } })).toBe(false);
    expect(accepts({ event: { type: 'ticket.status', status: 'processing' } })).toBe(true);
    expect(accepts({ event: { type: 'ticket.status', status: 'new' } })).toBe(false);
  });
});
