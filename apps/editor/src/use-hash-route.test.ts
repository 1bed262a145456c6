import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './use-hash-route';

describe('parseRoute', () => {
  it('reads the flow page and falls back to the list', () => {
    expect(parseRoute('#/flows/sla-first-response')).toEqual({ page: 'flow', id: 'sla-first-response' });
    expect(parseRoute('#/flows/a%20b?x=1')).toEqual({ page: 'flow', id: 'a b' });
    expect(parseRoute('#/')).toEqual({ page: 'flows' });
    expect(parseRoute('')).toEqual({ page: 'flows' });
  });

  it('reads the rollout tab of a flow and the secrets page; an unknown tab is the flow alone', () => {
    expect(parseRoute('#/flows/intake/rollout')).toEqual({ page: 'flow', id: 'intake', tab: 'rollout' });
    expect(parseRoute('#/flows/intake/nope')).toEqual({ page: 'flow', id: 'intake' });
    expect(parseRoute('#/secrets')).toEqual({ page: 'secrets' });
    expect(parseRoute('#/secretsx')).toEqual({ page: 'flows' });
    expect(parseRoute('#/users')).toEqual({ page: 'users' });
  });

  it('reads the failures page and the failures tab of a flow', () => {
    expect(parseRoute('#/failures')).toEqual({ page: 'failures' });
    expect(parseRoute('#/flows/intake/failures')).toEqual({ page: 'flow', id: 'intake', tab: 'failures' });
  });
});

describe('routeHash', () => {
  it('is what parseRoute reads back', () => {
    for (const route of [
      { page: 'flows' },
      { page: 'secrets' },
      { page: 'users' },
      { page: 'flow', id: 'a b/c' },
      { page: 'flow', id: 'intake', tab: 'rollout' },
      { page: 'failures' },
      { page: 'flow', id: 'intake', tab: 'failures' },
      { page: 'ticket', id: 'T 1' },
      { page: 'trace', ticketId: 'T 1' },
      { page: 'trace', ticketId: 'T-1', flowId: 'sla-first-response' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ page: 'flow', id: 'intake', tab: 'rollout' })).toBe('#/flows/intake/rollout');
    expect(routeHash({ page: 'trace', ticketId: 'T-1', flowId: 'sla' })).toBe('#/tickets/T-1/trace/sla');
  });
});
