import { describe, expect, it } from 'vitest';
import { parseRoute } from './use-hash-route';

describe('parseRoute', () => {
  it('reads the flow page and falls back to the list', () => {
    expect(parseRoute('#/flows/sla-first-response')).toEqual({ page: 'flow', id: 'sla-first-response' });
    expect(parseRoute('#/flows/a%20b?x=1')).toEqual({ page: 'flow', id: 'a b' });
    expect(parseRoute('#/')).toEqual({ page: 'flows' });
    expect(parseRoute('')).toEqual({ page: 'flows' });
  });
});
