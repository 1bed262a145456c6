import { EMPTY_ROSTER } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun, type SampleTicketInput } from '../index';

/** An urgent-2h SLA with a 30m warning that notifies and comes back, a breach that escalates. */
const ladder = compileFixture(
  'sla-ladder',
  {
    start: 'ticket_created',
    sla: ['sla_policy', { urgent: '2h', high: '4h', normal: '8h', vipUrgent: '1h', warnBefore: '30m' }],
    warn: ['add_tag', { tag: 'sla_warning' }],
    met: ['add_tag', { tag: 'sla_met' }],
    breach: ['escalate', { level: 1 }],
  },
  ['start -> sla', 'sla.warning -> warn', 'warn -> sla', 'sla.met -> met', 'sla.breach -> breach'],
);

async function runOne(fields: Partial<SampleTicketInput>) {
  const [result] = await dryRun([ladder], [fixtureTicket('t', { priority: 'urgent', ...fields })], {
    registry: builtinRegistry,
    roster: EMPTY_ROSTER,
  });
  if (!result) throw new Error('no result');
  return result;
}

describe('sla_policy in the dry-run (issue 21)', () => {
  it('warns 30m before the deadline, comes back, and breaches at 2h', async () => {
    const result = await runOne({});
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('2h'), 'breach'],
    ]);
  });

  it('a VIP customer has the VIP target', async () => {
    const result = await runOne({ customer: { id: 'c-vip', tier: 'vip' } });
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([
      [virtualTime('30m'), 'warn'],
      [virtualTime('1h'), 'breach'],
    ]);
  });

  it('a reply before the deadline is met', async () => {
    const result = await runOne({ events: [{ at: virtualTime('20m'), type: 'agent.reply', agentId: 'a1' }] });
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([[virtualTime('20m'), 'met']]);
  });

  it('pending pauses the clock; back to processing resumes it with the time it had left', async () => {
    // 2h budget: 40m spent, pending for 5h, then the 80m left (warning 30m before its end).
    const result = await runOne({
      events: [
        { at: virtualTime('40m'), type: 'ticket.status', status: 'pending' },
        { at: virtualTime('340m'), type: 'ticket.status', status: 'processing' },
      ],
    });
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([
      [virtualTime('390m'), 'warn'],
      [virtualTime('420m'), 'breach'],
    ]);
  });

  it('a pause after the warning keeps the warning given', async () => {
    const result = await runOne({
      events: [
        { at: virtualTime('100m'), type: 'ticket.status', status: 'pending' },
        { at: virtualTime('10h'), type: 'ticket.status', status: 'processing' },
      ],
    });
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('620m'), 'breach'],
    ]);
  });
});

/** The warning branch takes 20 minutes (a delay) before it comes back to the clock: the flow is away meanwhile. */
export const awayLadder = compileFixture(
  'sla-away',
  {
    start: 'ticket_created',
    sla: ['sla_policy', { urgent: '2h', warnBefore: '30m' }],
    warn: ['add_tag', { tag: 'sla_warning' }],
    away: ['delay', { duration: '20m' }],
    met: ['add_tag', { tag: 'sla_met' }],
    breach: ['escalate', { level: 1 }],
  },
  ['start -> sla', 'sla.warning -> warn', 'warn -> away', 'away -> sla', 'sla.met -> met', 'sla.breach -> breach'],
);

describe('sla_policy away on its warning branch (issue 21: events then count on return)', () => {
  const runAway = async (events: SampleTicketInput['events']) => {
    const [result] = await dryRun([awayLadder], [fixtureTicket('t', { priority: 'urgent', events })], {
      registry: builtinRegistry,
      roster: EMPTY_ROSTER,
    });
    if (!result) throw new Error('no result');
    return result.actions.map((a) => [a.at, a.node]);
  };

  it('with nothing happening meanwhile, comes back at 110m and breaches at 2h', async () => {
    expect(await runAway([])).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('2h'), 'breach'],
    ]);
  });

  it('a reply while away is met on return (it was missed before)', async () => {
    expect(await runAway([{ at: virtualTime('100m'), type: 'agent.reply', agentId: 'a1' }])).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('110m'), 'met'],
    ]);
  });

  it('a pause and resume while away move the deadline by the time paused', async () => {
    const events: SampleTicketInput['events'] = [
      { at: virtualTime('95m'), type: 'ticket.status', status: 'pending' },
      { at: virtualTime('105m'), type: 'ticket.status', status: 'processing' },
    ];
    expect(await runAway(events)).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('130m'), 'breach'],
    ]);
  });

  it('a pause while away that lasts past the return keeps the clock paused until the resume', async () => {
    const events: SampleTicketInput['events'] = [
      { at: virtualTime('100m'), type: 'ticket.status', status: 'pending' },
      { at: virtualTime('5h'), type: 'ticket.status', status: 'processing' },
    ];
    // 20m were left at 100m: due 20m after the resume.
    expect(await runAway(events)).toEqual([
      [virtualTime('90m'), 'warn'],
      [virtualTime('320m'), 'breach'],
    ]);
  });
});
