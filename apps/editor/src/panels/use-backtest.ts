import type { Backtest, BacktestRequest } from '@switchyard/api';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api-client';

/** How often a running job's progress is read. */
const POLL_MS = 1_000;

/** A backtest job as the panel sees it: the job (partial while it runs), a start in flight, the last error. */
export interface BacktestState {
  readonly job: Backtest | null;
  readonly starting: boolean;
  readonly error: string | null;
  readonly start: (request: BacktestRequest) => Promise<void>;
  readonly cancel: () => Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Starts a flow's backtests and follows the current one: its progress read every second while it
 * runs (partial results included), then kept. On opening, the flow's newest job is shown again.
 */
export function useBacktest(flowId: string): BacktestState {
  const [job, setJob] = useState<Backtest | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listBacktests(flowId)
      .then(async ([newest]) => {
        if (newest && live) {
          const found = await api.getBacktest(newest.id);
          if (live) setJob((current) => current ?? found);
        }
      })
      // No earlier job to show is not an error worth a message.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [flowId]);

  const running = job?.status === 'running' ? job.id : null;
  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = setInterval(() => {
      api.getBacktest(running).then(
        (next) => live && setJob((current) => (current?.id === next.id ? next : current)),
        (e: unknown) => live && setError(message(e)),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running]);

  const start = useCallback(
    async (request: BacktestRequest) => {
      setStarting(true);
      setError(null);
      try {
        const { id } = await api.startBacktest(flowId, request);
        setJob(await api.getBacktest(id));
      } catch (e) {
        setError(message(e));
      } finally {
        setStarting(false);
      }
    },
    [flowId],
  );

  const cancel = useCallback(async () => {
    if (!running) return;
    try {
      await api.cancelBacktest(running);
      setJob(await api.getBacktest(running));
    } catch (e) {
      setError(message(e));
    }
  }, [running]);

  return { job, starting, error, start, cancel };
}
