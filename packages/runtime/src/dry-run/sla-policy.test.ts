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
