import { describe, expect, it } from 'vitest';
import { createVirtualTimers } from './virtual-timers';

const request = (id: string, delayMs: number) => ({ id, eventType: `xstate.after.${id}`, delayMs });

describe('createVirtualTimers', () => {
  it('hands out the timer due first, and only once it is due', () => {
    const timers = createVirtualTimers();
    timers.schedule(0, request('late', 30), 0);
    timers.schedule(1, request('early', 10), 0);
    expect(timers.takeDue(5)).toBeUndefined();
    expect(timers.takeDue(100)).toMatchObject({ id: 'early', flow: 1, at: 10 });
    expect(timers.takeDue(100)).toMatchObject({ id: 'late', flow: 0, at: 30 });
    expect(timers.takeDue(100)).toBeUndefined();
  });

  it('fires the timer scheduled first among timers due at the same instant', () => {
    const timers = createVirtualTimers();
    timers.schedule(2, request('first', 10), 0);
    timers.schedule(0, request('second', 5), 5);
    expect([timers.takeDue(10)?.id, timers.takeDue(10)?.id]).toEqual(['first', 'second']);
  });

  it("cancels a flow's timers by id, or all of them, leaving other flows' alone", () => {
    const timers = createVirtualTimers();
    timers.schedule(0, request('wait', 10), 0);
    timers.schedule(0, request('other', 20), 0);
    timers.schedule(1, request('wait', 30), 0);
    timers.cancel(0, ['wait']);
    expect(timers.takeDue(100)).toMatchObject({ flow: 0, id: 'other' });
    timers.schedule(0, request('again', 5), 0);
    timers.cancelFlow(0);
    expect(timers.takeDue(100)).toMatchObject({ flow: 1, id: 'wait' });
    expect(timers.takeDue(100)).toBeUndefined();
  });
});
