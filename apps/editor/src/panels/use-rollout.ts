import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client';
import type { FlowMetrics, Rollout } from '@switchyard/api';

/** How often the open panel re-reads the rollout and the numbers: ramps and guardrails move on their own. */
export const ROLLOUT_REFRESH_MS = 10_000;

/** What the rollout panel shows; `rollout` is undefined while loading, null when the flow is not deployed. */
export interface RolloutState {
  readonly rollout: Rollout | null | undefined;
  readonly metrics: FlowMetrics | null;
  readonly error: string | null;
  readonly metricsError: string | null;
  readonly refreshedAt: Date | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The flow's rollout and metrics, read on mount and every 10 s while mounted (the panel is
 * mounted only while its tab is open). `replace` shows an action's answer at once.
 */
export function useRollout(flowId: string): RolloutState & { replace: (rollout: Rollout) => void; refresh: () => void } {
  const [state, setState] = useState<RolloutState>({
    rollout: undefined,
    metrics: null,
    error: null,
    metricsError: null,
    refreshedAt: null,
  });
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const rollout = await api.getRollout(flowId);
      // Numbers exist only for a deployed flow; their failure must not hide the rollout.
      const metrics = rollout
        ? await api.metrics(flowId).then(
            (m) => ({ m, e: null }),
            (e: unknown) => ({ m: null, e: messageOf(e) }),
          )
        : { m: null, e: null };
      if (live.current) setState({ rollout, metrics: metrics.m, error: null, metricsError: metrics.e, refreshedAt: new Date() });
    } catch (error) {
      if (live.current) setState((s) => ({ ...s, error: messageOf(error) }));
    }
  }, [flowId]);

  useEffect(() => {
    live.current = true;
    void refresh();
    const timer = setInterval(() => void refresh(), ROLLOUT_REFRESH_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, [refresh]);

  const replace = useCallback(
    (rollout: Rollout) => {
      setState((s) => ({ ...s, rollout }));
      // The split changed: the numbers compare other versions now.
      void refresh();
    },
    [refresh],
  );
  const refreshNow = useCallback(() => void refresh(), [refresh]);
  return { ...state, replace, refresh: refreshNow };
}
