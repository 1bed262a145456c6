import { EMPTY_ROSTER } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun } from '../index';
import {
  afterTicketEvent,
  countTimerFiring,
  createTimerLoopGuard,
  MAX_TIMERS_AT_ONCE,
  MAX_TIMERS_PER_FLOW,
  type TimerFirings,
} from './timer-loop-guard';

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

describe("countTimerFiring: the durable count kept with a flow's snapshot", () => {
  /** Fires `dueWhenScheduled` timers in turn from `start`, as a durable run would across transactions, and says what each firing got. */
  const fire = (start: TimerFirings | undefined, at: number, dueWhenScheduled: readonly boolean[], atOnce?: number, perFlow?: number) => {
    let firings = start;
    return dueWhenScheduled.map((due) => {
      const counted = countTimerFiring(firings, at, due, atOnce, perFlow);
      firings = counted.firings;
      return counted.loop;
    });
  };

  it('says "instant" once timers due when scheduled follow one another past the limit, counting the one after a positive wait', () => {
    expect(fire(undefined, 5, [false, true, true])).toEqual([undefined, undefined, undefined]);
    expect(fire(undefined, 5, [false, true, true], 2)).toEqual([undefined, undefined, 'instant']);
    // An old snapshot has no count: its next firing counts as the first.
    expect(countTimerFiring(undefined, 5, true).firings).toEqual({ at: 5, atOnce: 1, total: 1 });
  });

  it('starts the count again after a positive wait, but keeps the total', () => {
    const looped = countTimerFiring({ at: 5, atOnce: 2, total: 7 }, 9, false);
    expect(looped).toEqual({ firings: { at: 9, atOnce: 1, total: 8 }, loop: undefined });
    expect(fire(undefined, 5, [false, true, false, true, false], 100, 4)).toEqual([undefined, undefined, undefined, undefined, 'total']);
  });

  it('starts the count again when a ticket event moves the flow later, not at the instant of its firings', () => {
    const firings: TimerFirings = { at: 5, atOnce: 100, total: 100 };
    expect(afterTicketEvent(firings, 5)).toBe(firings);
    expect(afterTicketEvent(firings, 6)).toEqual({ at: 5, atOnce: 0, total: 100 });
    expect(afterTicketEvent(undefined, 6)).toBeUndefined();
    expect(countTimerFiring(afterTicketEvent(firings, 6), 6, true).loop).toBeUndefined();
    expect(countTimerFiring(afterTicketEvent(firings, 5), 5, true).loop).toBe('instant');
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
    expect(result!.errors.map(({ at, flow, node }) => ({ at, flow, node }))).toEqual([
      { at: virtualTime('2h'), flow: 'sla-loop', node: 'wait' },
    ]);
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
