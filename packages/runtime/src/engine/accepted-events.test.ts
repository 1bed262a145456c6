import { describe, expect, it } from 'vitest';
import { compileFixture } from '../__fixtures__/fixture-flow';
import { acceptedEvents, canMove } from '../index';

const flow = compileFixture(
  'survey',
  {
    resolved: ['status_changed', { status: 'resolved' }],
    wait: ['wait_for_event', { event: 'customer.message', timeout: '24h' }],
    send: ['survey', {}],
    done: 'end',
  },
  ['resolved -> wait', 'wait.timeout -> send', 'wait.event -> done'],
);
const table = acceptedEvents(flow);

describe('acceptedEvents', () => {
  it('lists, per state, the events that can move it (triggers and ends have no state of their own)', () => {
    expect(Object.fromEntries([...table].map(([state, events]) => [state, [...events].sort()]))).toEqual({
      _idle: ['ticket.status'],
      wait: ['customer.message', 'xstate.after'],
      send: ['effect.done', 'effect.error'],
    });
  });
});

describe('canMove', () => {
  it('lets through the events a resting state listens for, timers matched by prefix', () => {
    expect(canMove(table, { value: '_idle' }, 'ticket.status')).toBe(true);
    expect(canMove(table, { value: '_idle' }, 'customer.message')).toBe(false);
    expect(canMove(table, { value: 'wait' }, 'xstate.after.wait.survey.wait')).toBe(true);
    expect(canMove(table, { value: 'wait' }, 'agent.reply')).toBe(false);
    expect(canMove(table, { value: 'send' }, 'effect.done')).toBe(true);
  });

  it('refuses a state it does not know, and lets a compound state value through', () => {
    expect(canMove(table, { value: 'gone' }, 'ticket.status')).toBe(false);
    expect(canMove(table, { value: { a: 'b' } }, 'anything')).toBe(true);
  });
});
