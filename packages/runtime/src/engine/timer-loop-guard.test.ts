import { EMPTY_ROSTER } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun } from '../index';
import { createTimerLoopGuard, MAX_TIMERS_AT_ONCE, MAX_TIMERS_PER_FLOW } from './timer-loop-guard';

describe('createTimerLoopGuard', () => {
  it('says "instant" past the limit for one flow at one instant, and counts again when the clock moves', () => {
    const looping = createTimerLoopGuard(2);
    expect([looping(0, 1), looping(0, 1), looping(1, 1), looping(0, 1)]).toEqual([undefined, undefined, undefined, 'instant']);
    expect(looping(0, 2)).toBeUndefined();
  });

  it('says "total" once one flow has fired more timers than the per-flow limit, whatever the instants', () => {
    const looping = createTimerLoopGuard(100, 3);
    expect([1, 2, 3, 4].map((at) => looping(0, at))).toEqual([undefined, undefined, undefined, 'total']);
    expect(looping(1, 5)).toBeUndefined();
  });
});

describe('dryRun: a wait counting from ticket creation that loops back once its deadline passed', () => {
  const slaLoop = compileFixture(
    'sla-loop',
    {
      start: 'ticket_created',
      wait: ['wait_for_event', { event: 'agent.reply', timeout: '2h', from: 'ticket_created' }],
      again: ['add_tag', { tag: 'late' }],
      rescue: 'customer_message',
      thanks: ['add_tag', { tag: 'heard' }],
    },
    ['start -> wait', 'wait.timeout -> again', 'again -> wait', 'rescue -> thanks'],
  );

  it('ends that run with an error naming the flow and the wait, instead of firing at one instant for ever (the dry-run hung: bug)', async () => {
    const ticket = fixtureTicket('t1', { events: [{ at: '+3h', type: 'customer.message', body: 'hello?' }] });
    const [result] = await dryRun([slaLoop], [ticket], { registry: builtinRegistry, roster: EMPTY_ROSTER });
    expect(result!.errors.map(({ at, flow, node }) => ({ at, flow, node }))).toEqual([{ at: virtualTime('2h'), flow: 'sla-loop', node: 'wait' }]);
    expect(result!.errors[0]!.message).toContain(`more than ${MAX_TIMERS_AT_ONCE} timers fired at one instant`);
    expect(result!.actions.filter((a) => a.node === 'again')).toHaveLength(MAX_TIMERS_AT_ONCE);
    // The flow listens to its triggers again, and the rest of the ticket's events still arrive.
    expect(result!.actions.at(-1)).toMatchObject({ at: virtualTime('3h'), node: 'thanks' });
  });
});

describe('dryRun: a loop of one-second waits', () => {
  const poll = compileFixture(
    'poll',
    { start: 'ticket_created', tick: ['delay', { duration: '1s' }], seen: ['add_tag', { tag: 'polled' }] },
    ['start -> tick', 'tick -> seen', 'seen -> tick'],
  );

  it('ends with an error after MAX_TIMERS_PER_FLOW firings instead of running 2.6 million steps', async () => {
    const [result] = await dryRun([poll], [fixtureTicket('t1')], { registry: builtinRegistry, roster: EMPTY_ROSTER });
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors[0]).toMatchObject({ flow: 'poll', node: 'tick' });
    expect(result!.errors[0]!.message).toContain(`more than ${MAX_TIMERS_PER_FLOW} timers`);
    expect(result!.actions).toHaveLength(MAX_TIMERS_PER_FLOW);
  });
});
