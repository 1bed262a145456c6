import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { FAILURE_WINDOW_MS, type Failure, mergeFailures } from '../model/failures';

/** How often failures are read again: a modest poll (a server stream may replace it). */
export const FAILURES_REFRESH_MS = 30_000;

/** The failures of the last 24 h as last read, and why they could not be read. */
export interface FailuresState {
  readonly failures: readonly Failure[] | null;
  readonly error: string | null;
}

/**
 * Reads the dead-lettered effects (`GET /api/effects?status=dead`) and the flow errors
 * (`GET /api/flow-errors`) of the last 24 h, of one flow or of all, now and every 30 s.
 */
export function useFailures(flowId?: string, enabled = true): FailuresState {
  const [state, setState] = useState<FailuresState>({ failures: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const read = async () => {
      const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
      const filter = { since, limit: 500, ...(flowId ? { flow: flowId } : {}) };
      try {
        const [dead, errors] = await Promise.all([api.effects({ ...filter, status: 'dead' }), api.flowErrors(filter)]);
        if (live) setState({ failures: mergeFailures(dead, errors), error: null });
      } catch (e) {
        if (live) setState((s) => ({ failures: s.failures, error: e instanceof Error ? e.message : String(e) }));
      }
    };
    void read();
    const timer = setInterval(() => void read(), FAILURES_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [flowId, enabled]);
  return state;
}
