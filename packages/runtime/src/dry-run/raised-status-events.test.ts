import type { CompiledFlow } from '@switchyard/compiler';
import { EMPTY_ROSTER } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, compileFixture, fixtureTicket, virtualTime } from '../__fixtures__/fixture-flow';
import { dryRun, type DryRunResult, type SampleTicket } from '../index';
import { MAX_RAISED_EVENTS } from '../engine/raised-events';

/*
 * A status set by a flow's action is a `ticket.status` event like one set by an agent: every
 * flow sees it, once the event or timer that caused it has reached every flow.
 */

async function runOne(flows: readonly CompiledFlow[], ticket: SampleTicket = fixtureTicket('t1')): Promise<DryRunResult> {
  const [result] = await dryRun(flows, [ticket], { registry: builtinRegistry, roster: EMPTY_ROSTER });
  return result!;
}

/** `flow/node` of every action, in the order they ran. */
const order = (result: DryRunResult) => result.actions.map((a) => `${a.flow}/${a.node}`);

const tag = (name: string) => ['add_tag', { tag: name }] as const;
const setStatus = (status: string) => ['set_status', { status }] as const;

/** Tags the ticket when its status changes to `status` (any status when none is given). */
const watcher = (id: string, status?: string | readonly string[]) =>
  compileFixture(id, { on: ['status_changed', status === undefined ? {} : { status }], mark: tag(`${id}_saw`) }, ['on -> mark']);

describe('dryRun: status changes made by flows', () => {
  it("starts another flow's status_changed trigger when a flow's set_status resolves the ticket", async () => {
    const resolver = compileFixture('resolver', { start: 'ticket_created', resolve: setStatus('resolved') }, ['start -> resolve']);
    const result = await runOne([resolver, watcher('survey', 'resolved')]);
    expect(result.actions.map((a) => [a.at, a.flow, a.node])).toEqual([
      [virtualTime('0'), 'resolver', 'resolve'],
      [virtualTime('0'), 'survey', 'mark'],
    ]);
    expect(result.final).toMatchObject({ status: 'resolved', tags: ['survey_saw'] });
    expect(result.errors).toEqual([]);
  });

  it('lets the raising flow finish and every flow see the original event first, then the status event, raising flow included', async () => {
    // The watcher comes first in the list, yet sees the status change last.
    const resolver = compileFixture(
      'resolver',
      {
        start: 'ticket_created',
        resolve: setStatus('resolved'),
        after: tag('resolver_done'),
        own: 'status_changed',
        self: tag('resolver_saw'),
      },
      ['start -> resolve', 'resolve -> after', 'own -> self'],
    );
    const observer = compileFixture('observer', { start: 'ticket_created', seen: tag('observer_saw_created') }, ['start -> seen']);
    const result = await runOne([watcher('watcher', 'resolved'), resolver, observer]);
    expect(order(result)).toEqual(['resolver/resolve', 'resolver/after', 'observer/seen', 'watcher/mark', 'resolver/self']);
    expect(new Set(result.actions.map((a) => a.at))).toEqual(new Set([virtualTime('0')]));
  });

  it('raises the event when a timer of the raising flow fires, at that instant', async () => {
    const later = compileFixture(
      'later',
      { start: 'ticket_created', wait: ['delay', { duration: '15m' }], resolve: setStatus('resolved') },
      ['start -> wait', 'wait -> resolve'],
    );
    const result = await runOne([later, watcher('survey', 'resolved')]);
    expect(result.actions.map((a) => [a.at, a.node])).toEqual([
      [virtualTime('15m'), 'resolve'],
      [virtualTime('15m'), 'mark'],
    ]);
  });

  it('raises no event when the patch leaves the status as it was', async () => {
    const same = compileFixture(
      'same',
      { start: 'ticket_created', keep: setStatus('new'), resolve: setStatus('resolved'), again: setStatus('resolved') },
      ['start -> keep', 'keep -> resolve', 'resolve -> again'],
    );
    const result = await runOne([same, watcher('any')]);
    // Three set_status actions, one change: the watcher (any status) runs once.
    expect(order(result)).toEqual(['same/keep', 'same/resolve', 'same/again', 'any/mark']);
  });

  it('delivers two changes of one step in order, each matched on its own status even though the ticket moved on', async () => {
    const resolver = compileFixture('resolver', { start: 'ticket_created', resolve: setStatus('resolved') }, ['start -> resolve']);
    const closer = compileFixture('closer', { start: 'ticket_created', close: setStatus('closed') }, ['start -> close']);
    const result = await runOne([watcher('on_closed', 'closed'), watcher('on_resolved', ['resolved']), resolver, closer]);
    expect(order(result)).toEqual(['resolver/resolve', 'closer/close', 'on_resolved/mark', 'on_closed/mark']);
    expect(result.final.status).toBe('closed');
  });

  it('does not apply a raised event to the ticket again: a later status set in the same step stays', async () => {
    // The "resolved" event arrives after the ticket was reopened; it must not resolve it again.
    const resolver = compileFixture(
      'resolver',
      { start: 'ticket_created', resolve: setStatus('resolved'), reopen: setStatus('processing') },
      ['start -> resolve', 'resolve -> reopen'],
    );
    const result = await runOne([resolver, watcher('any')]);
    expect(result.final.status).toBe('processing');
    expect(order(result)).toEqual(['resolver/resolve', 'resolver/reopen', 'any/mark', 'any/mark']);
  });

  describe('flows setting the status back and forth', () => {
    const starter = compileFixture('starter', { start: 'ticket_created', resolve: setStatus('resolved') }, ['start -> resolve']);
    const reopen = compileFixture('reopen', { on: ['status_changed', { status: 'resolved' }], set: setStatus('processing') }, [
      'on -> set',
    ]);
    const reresolve = compileFixture('reresolve', { on: ['status_changed', { status: 'processing' }], set: setStatus('resolved') }, [
      'on -> set',
    ]);

    it(`stop after ${MAX_RAISED_EVENTS} raised events with an error naming the flow and node, and the run ends`, async () => {
      const result = await runOne([starter, reopen, reresolve]);
      // The starter's change and one per delivered event: the 17th change is made, its event dropped.
      expect(result.actions).toHaveLength(MAX_RAISED_EVENTS + 1);
      expect(result.errors.map((e) => [e.at, e.flow, e.node])).toEqual([[virtualTime('0'), 'reresolve', 'set']]);
      expect(result.errors[0]!.message).toContain(`more than ${MAX_RAISED_EVENTS} status changes`);
      expect(result.final.status).toBe('resolved');
    });

    it('get a fresh budget on the next external event', async () => {
      const result = await runOne(
        [starter, reopen, reresolve],
        fixtureTicket('t1', { events: [{ at: '+1h', type: 'ticket.status', status: 'resolved' }] }),
      );
      expect(result.errors.map((e) => [e.at, e.flow])).toEqual([
        [virtualTime('0'), 'reresolve'],
        [virtualTime('1h'), 'reopen'],
      ]);
      expect(result.actions.filter((a) => a.at === virtualTime('1h'))).toHaveLength(MAX_RAISED_EVENTS + 1);
    });
  });
});
