import type { FlowEvent } from '@switchyard/compiler';
import { EMPTY_STATS } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { builtinRegistry, fixtureTicket, slaLadderFixture } from '../__fixtures__/fixture-flow';
import { prepareFlows } from '../index';
import { pureTransition } from './pure-transition';

const [prepared] = prepareFlows([slaLadderFixture('ladder')], builtinRegistry);
const { machine, idle } = prepared!;
const vip = fixtureTicket('t1', { customer: { id: 'c1', tier: 'vip' } });
const event = (type: string, extra: Partial<FlowEvent> = {}): FlowEvent => ({
  type,
  ticket: vip,
  stats: EMPTY_STATS,
  now: Date.parse(vip.createdAt),
  ...extra,
});

/** What a host reads from a step: where the flow rests, its context, and the actions asked for. */
const observable = ([snapshot, actions]: readonly [
  { value: unknown; context: unknown },
  readonly { type: string; params: unknown }[],
]) => ({
  value: snapshot.value,
  context: snapshot.context,
  actions: actions.map((a) => ({ type: a.type, params: a.params })),
});

describe('pureTransition', () => {
  it("gives what XState's transition() gives, step after step (effects, timers, cancels, context)", () => {
    const script = [
      event('ticket.created', { payload: { type: 'ticket.created' } }),
      event('effect.done', { node: 'high', output: { ok: true } }),
      event('agent.reply', { payload: { type: 'agent.reply', agentId: 'a1', body: '' } }),
    ];
    let ours = idle;
    let theirs = idle;
    for (const e of script) {
      const a = pureTransition(machine, ours, e);
      const b = transition(machine, theirs, e);
      expect(observable(a)).toEqual(observable(b));
      ours = a[0];
      theirs = b[0];
    }
    expect(ours.value).toBe('_idle');
  });

  it('keeps no actions between calls: the same step twice asks for the same things once each', () => {
    const first = pureTransition(machine, idle, event('ticket.created'));
    const second = pureTransition(machine, idle, event('ticket.created'));
    expect(second[1].map((a) => a.type)).toEqual(first[1].map((a) => a.type));
    expect(first[1].filter((a) => a.type === 'effect')).toHaveLength(1);
  });
});
