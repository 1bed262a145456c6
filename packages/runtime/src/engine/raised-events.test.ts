import { describe, expect, it } from 'vitest';
import { createRaisedEventQueue, MAX_RAISED_EVENTS, type RaisedEvent } from './raised-events';

const raisedBy = (node: string, status: 'processing' | 'resolved' = 'resolved'): RaisedEvent => ({
  event: { type: 'ticket.status', status },
  flow: 'f',
  node,
});

describe('createRaisedEventQueue', () => {
  it('hands events back oldest first', () => {
    const queue = createRaisedEventQueue();
    queue.raise(raisedBy('a', 'processing'));
    queue.raise(raisedBy('b'));
    expect([queue.shift()?.node, queue.shift()?.node, queue.shift()]).toEqual(['a', 'b', undefined]);
  });

  it('queues up to the limit, reports the first event beyond it once, and drops the rest of the step', () => {
    const queue = createRaisedEventQueue(2);
    expect(['a', 'b', 'c', 'd'].map((node) => queue.raise(raisedBy(node)))).toEqual(['queued', 'queued', 'over-limit', 'dropped']);
    expect([queue.shift()?.node, queue.shift()?.node, queue.shift()]).toEqual(['a', 'b', undefined]);
  });

  it('counts events delivered during the step too: shifting does not give budget back', () => {
    const queue = createRaisedEventQueue(1);
    expect(queue.raise(raisedBy('a'))).toBe('queued');
    queue.shift();
    expect(queue.raise(raisedBy('b'))).toBe('over-limit');
  });

  it('starts a new budget, with an empty queue, when the step ends', () => {
    const queue = createRaisedEventQueue(1);
    queue.raise(raisedBy('a'));
    queue.raise(raisedBy('b'));
    queue.endStep();
    expect(queue.shift()).toBeUndefined();
    expect(queue.raise(raisedBy('c'))).toBe('queued');
  });

  it('allows 16 events per step by default', () => {
    expect(MAX_RAISED_EVENTS).toBe(16);
  });
});
