import type { FlowEvent } from '@switchyard/compiler';
import type { TicketEvent } from '@switchyard/flow';
import { EMPTY_STATS } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, slaLadderFixture } from '../__fixtures__/fixture-flow';
import { advanceFlow, type FlowStep, prepareFlows } from '../index';

const [prepared] = prepareFlows([slaLadderFixture('sla')], builtinRegistry);
const { machine, idle } = prepared!;
const ticket = fixtureTicket('t1');
const NOW = Date.parse(ticket.createdAt);

function event(type: string, extra: Partial<FlowEvent> = {}): FlowEvent {
  return { type, ticket, stats: EMPTY_STATS, now: NOW, ...extra };
}
const ticketEvent = (payload: TicketEvent) => event(payload.type, { payload });

/** The step without its snapshot, for whole-object assertions. */
const requests = ({ snapshot: _snapshot, ...step }: FlowStep) => step;

describe('advanceFlow', () => {
  it('walks from a trigger through conditions to the first resting node, and asks for a timer', () => {
    const step = advanceFlow(machine, idle, ticketEvent({ type: 'ticket.created' }));
    expect(step.snapshot.value).toBe('wait');
    expect(requests(step)).toEqual({
      visits: ['start', 'vip', 'wait'],
      effects: [],
      timers: [{ id: 'xstate.after.wait.sla.wait', eventType: 'xstate.after.wait.sla.wait', delayMs: 7_200_000 }],
      cancels: [],
      failures: [],
    });
  });

  it('stops at an action and asks the host to run its effect', () => {
    const vip = { ...ticket, customer: { ...ticket.customer, tier: 'vip' as const } };
    const step = advanceFlow(machine, idle, event('ticket.created', { ticket: vip }));
    expect(step.snapshot.value).toBe('high');
    expect(step.effects).toEqual(['high']);
    const done = advanceFlow(machine, step.snapshot, event('effect.done', { node: 'high' }));
    expect(done.snapshot.value).toBe('wait');
    expect(done.visits).toEqual(['wait']);
  });

  it('ignores the effect answer of another node', () => {
    const vip = { ...ticket, customer: { ...ticket.customer, tier: 'vip' as const } };
    const { snapshot } = advanceFlow(machine, idle, event('ticket.created', { ticket: vip }));
    expect(advanceFlow(machine, snapshot, event('effect.done', { node: 'tagged' })).snapshot.value).toBe('high');
  });

  it('cancels the wait’s timer when the awaited event arrives', () => {
    const { snapshot } = advanceFlow(machine, idle, ticketEvent({ type: 'ticket.created' }));
    const step = advanceFlow(machine, snapshot, ticketEvent({ type: 'agent.reply', agentId: 'a1', body: '' }));
    expect(step.snapshot.value).toBe('_idle');
    expect(step.cancels).toEqual(['xstate.after.wait.sla.wait']);
    expect(step.visits).toEqual(['done']);
  });

  it('moves on the timer event it asked for', () => {
    const first = advanceFlow(machine, idle, ticketEvent({ type: 'ticket.created' }));
    const step = advanceFlow(machine, first.snapshot, event(first.timers[0]!.eventType));
    expect(step.snapshot.value).toBe('tagged');
    expect(step.effects).toEqual(['tagged']);
  });

  it('reports a failed effect with no error branch and rests idle again', () => {
    const first = advanceFlow(machine, idle, ticketEvent({ type: 'ticket.created' }));
    const tagging = advanceFlow(machine, first.snapshot, event(first.timers[0]!.eventType));
    const step = advanceFlow(machine, tagging.snapshot, event('effect.error', { node: 'tagged', error: 'boom' }));
    expect(step.failures).toEqual(['tagged']);
    expect(step.snapshot.value).toBe('_idle');
  });

  it('throws what a guard throws (a CEL runtime error), so the host can keep the old snapshot', () => {
    const [strict] = prepareFlows(
      [
        compileFixture(
          'strict',
          { start: 'ticket_created', big: ['expression', { expression: 'int(ticket.body) > 1' }], yes: 'end', no: 'end' },
          ['start -> big', 'big.true -> yes', 'big.false -> no'],
        ),
      ],
      builtinRegistry,
    );
    const words = { ...ticket, body: 'words' };
    expect(() => advanceFlow(strict!.machine, strict!.idle, event('ticket.created', { ticket: words }))).toThrow(/int\(\)/);
    expect(advanceFlow(strict!.machine, strict!.idle, event('ticket.created', { ticket: { ...ticket, body: '7' } })).visits).toEqual([
      'start',
      'big',
      'yes',
    ]);
  });
});
